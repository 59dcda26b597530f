namespace Kernel.FileSystem.Tests;

/// <summary>Headers that must not be trusted: reported with their byte offset; the entries before them stay
/// readable, and nothing is written to such a disk.</summary>
public class CorruptArchiveTests
{
    private static (byte[] Image, int SecondHeader) ThreeFiles()
    {
        byte[] archive = HostTar.CreateFrom(("a.txt", Volume.Bytes("first\n")), ("b.txt", Volume.Bytes("second\n")), ("c.txt", Volume.Bytes("third\n")));
        byte[] image = new byte[1 << 20];
        archive.CopyTo(image, 0);
        return (image, 1024);
    }

    private static void Reseal(byte[] image, int header) => TarHeader.SealChecksum(image.AsSpan(header, 512));

    private static void AssertCorruptAt(byte[] image, HeaderProblem problem, ulong offset)
    {
        byte[] copy = (byte[])image.Clone();
        var v = new Volume(new MemoryDisk(image));
        Assert.Equal(FsError.None, v.MountError);
        Assert.Equal(MountOutcome.Corrupt, v.Report.Outcome);
        Assert.Equal(problem, v.Report.Problem);
        Assert.Equal(offset, v.Report.ProblemOffset);
        Assert.Equal(Volume.Bytes("first\n"), v.ReadAll("a.txt"));
        Assert.Equal(FsError.NotFound, v.Fs.ReadFile(ref v.Disk, "c.txt"u8, new byte[8], out _));
        Assert.Equal(FsError.CorruptArchive, v.Write("a.txt", [1]));
        Assert.Equal(FsError.CorruptArchive, v.Delete("a.txt"));
        Assert.Equal(FsError.CorruptArchive, v.Sync());
        Assert.DoesNotContain(v.Disk.S.Requests, r => r.Op != 'R');
        Assert.Equal(copy, v.Disk.Image);
    }

    [Fact]
    public void ABadChecksumIsReported()
    {
        var (image, second) = ThreeFiles();
        image[second + 5] ^= 0x20;
        AssertCorruptAt(image, HeaderProblem.ChecksumMismatch, (ulong)second);
    }

    [Fact]
    public void AChecksumFieldThatIsNoNumberIsReported()
    {
        var (image, second) = ThreeFiles();
        image[second + TarHeader.ChecksumOffset] = (byte)'9';
        AssertCorruptAt(image, HeaderProblem.BadChecksumField, (ulong)second);
    }

    [Fact]
    public void ASizePastTheEndOfTheDiskIsReported()
    {
        var (image, second) = ThreeFiles();
        TarHeader.TryWriteOctal(image.AsSpan(second + TarHeader.SizeOffset, 12), 1UL << 32);
        Reseal(image, second);
        AssertCorruptAt(image, HeaderProblem.DataPastEnd, (ulong)second);
    }

    [Fact]
    public void ASizeFieldThatIsNoNumberIsReported()
    {
        var (image, second) = ThreeFiles();
        image[second + TarHeader.SizeOffset + 3] = (byte)'x';
        Reseal(image, second);
        AssertCorruptAt(image, HeaderProblem.BadSizeField, (ulong)second);
    }

    [Fact]
    public void AMissingMagicIsReported()
    {
        var (image, second) = ThreeFiles();
        image[second + TarHeader.MagicOffset] = (byte)'X';
        Reseal(image, second);
        AssertCorruptAt(image, HeaderProblem.NotUstar, (ulong)second);
    }

    [Fact]
    public void AnEmptyNameIsReported()
    {
        var (image, second) = ThreeFiles();
        image.AsSpan(second, 100).Clear();
        Reseal(image, second);
        AssertCorruptAt(image, HeaderProblem.EmptyName, (ulong)second);
    }

    [Fact]
    public void ANameWithoutNulIsAHundredByteNameAsPosixAndGnuTarSay()
    {
        // POSIX: the name field is NUL-terminated only when the name is shorter than 100 bytes. A header whose name
        // field is 100 bytes of garbage with a valid checksum is therefore a (strange) 100-byte name; GNU tar lists
        // it so, and so do we. Without a resealed checksum it is a bad header.
        var (image, second) = ThreeFiles();
        for (int i = 0; i < 100; i++)
        {
            image[second + i] = (byte)('A' + i % 26);
        }

        byte[] unsealed = (byte[])image.Clone();
        AssertCorruptAt(unsealed, HeaderProblem.ChecksumMismatch, (ulong)second);
        Reseal(image, second);
        var v = Volume.Mounted(new MemoryDisk(image));
        string name = new(Enumerable.Range(0, 100).Select(i => (char)('A' + i % 26)).ToArray());
        var view = HostTar.Read(image);
        Assert.Contains(name, view.Listing);
        Assert.Equal(view.Files[name], v.ReadAll(name));
    }

    [Fact]
    public void GnuFormatIsNotUstar()
    {
        var (image, _) = ThreeFiles();
        "ustar  \0"u8.CopyTo(image.AsSpan(TarHeader.MagicOffset));
        Reseal(image, 0);
        var v = new Volume(new MemoryDisk(image));
        Assert.Equal(MountOutcome.NotUstar, v.Report.Outcome);
    }

    [Fact]
    public void AnArchiveRunningToTheEndOfTheDiskIsReported()
    {
        byte[] archive = HostTar.CreateFrom(("a.txt", Volume.Bytes("first\n")), ("b.txt", Volume.Bytes("second\n")), ("c.txt", Volume.Bytes("third\n")));
        byte[] image = archive[..3072]; // three headers and data, no end-of-archive blocks
        var v = new Volume(new MemoryDisk(image));
        Assert.Equal(MountOutcome.Corrupt, v.Report.Outcome);
        Assert.Equal(HeaderProblem.EndOfDisk, v.Report.Problem);
        Assert.Equal(3072UL, v.Report.ProblemOffset);
        Assert.Equal(Volume.Bytes("third\n"), v.ReadAll("c.txt"));
        Assert.Equal(FsError.CorruptArchive, v.Write("a.txt", [1]));
    }

    [Fact]
    public void RandomDamageNeverCrashesOrHangs()
    {
        var (pristine, _) = ThreeFiles();
        var random = new Random(5);
        for (int round = 0; round < 300; round++)
        {
            byte[] image = (byte[])pristine.Clone();
            for (int k = 0; k < 1 + random.Next(8); k++)
            {
                image[random.Next(4096)] = (byte)random.Next(256);
            }

            if (random.Next(2) == 0)
            {
                Reseal(image, 512 * random.Next(6));
            }

            var v = new Volume(new MemoryDisk(image));
            Assert.True(v.Report.Outcome is MountOutcome.Mounted or MountOutcome.Corrupt or MountOutcome.NotUstar, v.Report.Outcome.ToString());
            var entries = v.List();
            foreach (var entry in entries)
            {
                // A name given twice (or "x" and "x/") reads the last one, as tar extracts: check unique ones.
                if (entry.Kind == EntryKind.Regular && entries.Count(e => e.Name.TrimEnd('/') == entry.Name.TrimEnd('/')) == 1)
                {
                    Assert.True(FsError.None == v.Fs.Stat(Volume.Bytes(entry.Name), out EntryKind kind, out _) && kind == EntryKind.Regular,
                        $"{entry.Name} {string.Join(",", entries)}");
                    Assert.Equal((int)entry.Size, v.ReadAll(entry.Name).Length);
                }
            }
        }
    }
}
