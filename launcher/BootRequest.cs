namespace Rvc.Launcher;

/// <summary>What to boot, and whether the disk is the default one (a fresh copy of lorem.txt, made at boot time) or,
/// for <c>--bench</c>, a fresh sparse image of <see cref="SparseDisk.BenchSize"/> bytes, or for <c>--disk-from-dir</c>
/// an archive of <see cref="TarFrom"/> padded to <see cref="TarSize"/> (<see cref="TarDisk"/>).</summary>
public sealed record BootRequest(BootOptions Options, bool DefaultDisk, bool BenchDisk = false, string? TarFrom = null, long? TarSize = null)
{
    /// <summary>Boots; the default disk is a fresh copy of lorem.txt for this boot alone (<see cref="ScratchDisk"/>).
    /// The firmware is chosen (and the own one built) first: <see cref="Firmwares.Prepare"/>.</summary>
    public int Boot(RepoLayout repo)
    {
        var options = Firmwares.Prepare(repo, Options);
        if (BenchDisk)
        {
            using var disk = SparseDisk.Create(repo);
            return Machine.Boot(options with { Disks = [new DiskImage(disk.Path, ReadOnly: false)] });
        }
        if (TarFrom is not null)
        {
            using var tar = TarDisk.Create(repo, TarFrom, TarSize);
            return Machine.Boot(options with { Disks = [new DiskImage(tar.Path, ReadOnly: false)] });
        }
        if (!DefaultDisk)
            return Machine.Boot(options);
        using var scratch = ScratchDisk.Create(repo);
        return Machine.Boot(options with { Disks = [new DiskImage(scratch.Path, ReadOnly: false)] });
    }
}
