using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Rvc.Launcher;

/// <summary>A raw disk image attached as a virtio-blk device.</summary>
/// <param name="Path">the image, used in place: what the guest writes goes to this file</param>
/// <param name="ReadOnly">attached with <c>readonly=on</c>: QEMU offers VIRTIO_BLK_F_RO and fails writes</param>
public sealed record DiskImage(string Path, bool ReadOnly)
{
    /// <summary>QEMU virt has eight virtio-mmio slots, 0x10001000 to 0x10008000.</summary>
    public const int MaxDisks = 8;

    private const string ReadOnlySuffix = ":ro";

    /// <summary><c>PATH</c> or <c>PATH:ro</c>, as <c>--disk</c> takes it; the file must exist.</summary>
    public static DiskImage Parse(string text)
    {
        bool readOnly = text.EndsWith(ReadOnlySuffix, StringComparison.Ordinal);
        var path = readOnly ? text[..^ReadOnlySuffix.Length] : text;
        if (path.Length == 0)
            throw new LauncherException($"--disk expects PATH or PATH{ReadOnlySuffix}, not '{text}'");
        if (Directory.Exists(path))
            throw new LauncherException($"--disk {path}: a folder, not a disk image");
        if (!File.Exists(path))
            throw new LauncherException($"--disk {path}: no such file");
        return new DiskImage(System.IO.Path.GetFullPath(path), readOnly);
    }

    /// <summary>Every <c>--disk</c>, in order (slot N is the Nth): at most <see cref="MaxDisks"/>, and a file attached
    /// writable is attached once only (QEMU's image locking would refuse the second).</summary>
    public static IReadOnlyList<DiskImage> ParseAll(IReadOnlyList<string> texts)
    {
        if (texts.Count > MaxDisks)
            throw new LauncherException($"--disk given {texts.Count} times; QEMU's virt machine has {MaxDisks} virtio-mmio slots");
        var disks = texts.Select(Parse).ToList();
        foreach (var group in disks.GroupBy(d => d.Path, StringComparer.Ordinal))
        {
            if (group.Count() > 1 && group.Any(d => !d.ReadOnly))
                throw new LauncherException($"--disk {group.Key} given {group.Count()} times: a disk attached writable can be attached only once");
        }
        return disks;
    }
}

/// <summary>The virtio-mmio transport QEMU offers: version 1 (legacy, QEMU's default) or version 2 (modern, virtio 1.0+).</summary>
public enum VirtioTransport
{
    Legacy,
    Modern,
}

public static class VirtioTransports
{
    public static string Name(this VirtioTransport transport) => transport == VirtioTransport.Modern ? "modern" : "legacy";

    public static VirtioTransport Parse(string text) => text switch
    {
        "legacy" => VirtioTransport.Legacy,
        "modern" => VirtioTransport.Modern,
        _ => throw new LauncherException($"--transport expects legacy or modern, not '{text}'"),
    };
}

/// <summary>
/// The default disk: a fresh copy of lorem.txt for one boot, <c>artifacts/run/lorem.PID.txt</c>, so that
/// boots running side by side never share a disk and what the kernel writes never reaches the repository.
/// When the boot is over it becomes <c>artifacts/run/lorem.txt</c> (the last boot's disk, to look at).
/// </summary>
public sealed class ScratchDisk : IDisposable
{
    private const string Prefix = "lorem.";
    private const string Suffix = ".txt";

    private readonly RepoLayout _repo;

    public string Path { get; }

    private ScratchDisk(RepoLayout repo, string path)
    {
        _repo = repo;
        Path = path;
    }

    /// <summary>Where the last boot's default disk is kept.</summary>
    public static string LastDisk(RepoLayout repo) => System.IO.Path.Combine(repo.RunDirectory, "lorem.txt");

    public static ScratchDisk Create(RepoLayout repo)
    {
        if (!File.Exists(repo.Lorem))
            throw new LauncherException($"{repo.Lorem} is missing: it is the default disk (or pass --disk PATH / --no-disk)");
        Directory.CreateDirectory(repo.RunDirectory);
        RemoveStale(repo);
        // The process id makes the name unique among running launchers; the counter, within this one.
        int n = Interlocked.Increment(ref _count);
        var path = System.IO.Path.Combine(repo.RunDirectory, $"{Prefix}{Environment.ProcessId}{(n > 1 ? $"-{n}" : "")}{Suffix}");
        File.Copy(repo.Lorem, path, overwrite: true);
        return new ScratchDisk(repo, path);
    }

    private static int _count;

    /// <summary>Keeps the disk as <see cref="LastDisk"/> (replacing the previous one).</summary>
    public void Dispose()
    {
        try
        {
            File.Move(Path, LastDisk(_repo), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(Path); } catch (Exception f) when (f is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>Copies left behind by launchers that were killed (their process is gone).</summary>
    private static void RemoveStale(RepoLayout repo)
    {
        foreach (var file in Directory.EnumerateFiles(repo.RunDirectory, $"{Prefix}*{Suffix}"))
        {
            var name = System.IO.Path.GetFileName(file);
            var id = name[Prefix.Length..^Suffix.Length].Split('-')[0];
            if (!int.TryParse(id, out var pid) || pid == Environment.ProcessId || IsRunning(pid))
                continue;
            try { File.Delete(file); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>
/// The disk of <c>--bench</c>: a fresh sparse raw image (<see cref="BenchSize"/> bytes, no block allocated),
/// <c>artifacts/run/bench.PID.img</c>, created after <c>sync</c> so that every benchmark starts from the same state of the
/// host's file system, and deleted when the boot is over. bench/Runner makes its images with <see cref="CreateImage"/>.
/// </summary>
public sealed class SparseDisk : IDisposable
{
    /// <summary>64 MiB, the size issue 6's benchmark runs on.</summary>
    public const long BenchSize = 64L << 20;

    public string Path { get; }

    private SparseDisk(string path) => Path = path;

    public static SparseDisk Create(RepoLayout repo)
    {
        int n = Interlocked.Increment(ref _count);
        var path = System.IO.Path.Combine(repo.RunDirectory, $"bench.{Environment.ProcessId}{(n > 1 ? $"-{n}" : "")}.img");
        return new SparseDisk(CreateImage(path, BenchSize));
    }

    private static int _count;

    /// <summary>Replaces <paramref name="path"/> with an empty file of <paramref name="size"/> bytes (sparse: SetLength
    /// allocates nothing), then flushes the host's file systems (<c>sync</c>).</summary>
    public static string CreateImage(string path, long size)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.Delete(path);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            stream.SetLength(size);
        Sync();
        return System.IO.Path.GetFullPath(path);
    }

    /// <summary>sync(2): dirty pages of every file system written out.</summary>
    public static void Sync()
    {
        if (!OperatingSystem.IsWindows())
            sync();
    }

    [DllImport("libc")]
    private static extern void sync();

    public void Dispose()
    {
        try { File.Delete(Path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
