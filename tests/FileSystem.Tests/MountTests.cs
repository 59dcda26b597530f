using System.Text;

namespace Kernel.FileSystem.Tests;

/// <summary>Archives the host's GNU tar made (<c>tar --format=ustar</c>), mounted and read.</summary>
public class MountTests
{
    [Fact]
    public void TheBooksArchiveIsReadAsTarMadeIt()
    {
        byte[] hello = Volume.Bytes("Can you see me? Ah, there you are! You've unlocked the achievement \"Virtio Newbie!\"\n");
        byte[] meow = Volume.Bytes("meow\n");
        byte[] archive = HostTar.CreateFrom(("hello.txt", hello), ("meow.txt", meow));
        var v = Volume.Mounted(MemoryDisk.FromImage(archive, 1 << 20));
        Assert.Equal(2, v.Report.Files);
        Assert.Equal((ulong)(hello.Length + meow.Length), v.Report.Bytes);
        Assert.Equal(RecoveryOutcome.Clean, v.Report.Recovery);
        Assert.Equal(hello, v.ReadAll("hello.txt"));
        Assert.Equal(meow, v.ReadAll("meow.txt", piece: 3));

        // The book's readfile(name, buf, len): as much as fits.
        byte[] small = new byte[10];
        Assert.Equal(FsError.None, v.Fs.ReadFile(ref v.Disk, "hello.txt"u8, small, out int read));
        Assert.Equal(10, read);
        Assert.Equal(hello.AsSpan(0, 10).ToArray(), small);
        Assert.Equal(FsError.NotFound, v.Fs.ReadFile(ref v.Disk, "nope.txt"u8, small, out _));
    }

    [Fact]
    public void DirectoriesLongNamesAndLargeFilesAreListedInArchiveOrder()
    {
        string deep = string.Join('/', Enumerable.Range(0, 12).Select(i => $"directory{i:00}")); // 131 bytes
        string longName = deep + "/" + new string('n', 99);                                     // prefix + name
        string exactly100 = new string('x', 100);                                                // no NUL in name
        byte[] big = Volume.Content(1, 3 * 1024 * 1024 + 17);
        byte[] archive = HostTar.CreateFrom(("a/", null), ("a/b.txt", Volume.Bytes("b")), (longName, Volume.Bytes("long")),
            (exactly100, Volume.Bytes("hundred")), ("big.bin", big), ("empty", []));
        var v = Volume.Mounted(MemoryDisk.FromImage(archive, 8 << 20));

        var listed = v.List();
        var view = HostTar.Read(v.Disk.Image);
        Assert.Equal(0, view.ExitCode);
        var tarNames = view.Listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]).ToList();
        Assert.Equal(tarNames, listed.Select(e => e.Name).ToList());
        Assert.Contains(("a/", EntryKind.Directory, 0UL), listed);
        Assert.Contains((longName, EntryKind.Regular, 4UL), listed);
        Assert.Contains((exactly100, EntryKind.Regular, 7UL), listed);
        Assert.Equal(big, v.ReadAll("big.bin", piece: 65_537));
        Assert.Equal(Volume.Bytes("long"), v.ReadAll(longName));
        Assert.Equal(Volume.Bytes("hundred"), v.ReadAll(exactly100));
        Assert.Equal(FsError.NotAFile, v.Fs.ReadFile(ref v.Disk, "a"u8, new byte[4], out _));
        Assert.Equal(FsError.None, v.Fs.Stat("a"u8, out EntryKind kind, out _));
        Assert.Equal(EntryKind.Directory, kind);
    }

    [Fact]
    public void TheArchiveIsReadWithMultiSectorRequests()
    {
        var entries = Enumerable.Range(0, 300).Select(i => ($"f{i:000}", (byte[]?)Volume.Content(i, i * 37))).ToArray();
        byte[] archive = HostTar.CreateFrom(entries);
        var disk = MemoryDisk.FromImage(archive, 4 << 20);
        var v = Volume.Mounted(disk);
        Assert.Equal(300, v.Report.Files);
        // 300 headers among 1.6 MiB of data: one 64 KiB window after another, not one request per header.
        var reads = v.Disk.S.Requests.Where(r => r.Op == 'R').ToList();
        Assert.True(reads.Count <= archive.Length / 65536 + 4, $"{reads.Count} reads to mount {archive.Length} bytes");
        Assert.Contains(reads, r => r.Sectors == 128);
        v.Disk.S.Requests.Clear();
        Assert.Equal(Volume.Content(299, 299 * 37), v.ReadAll("f299"));
        Assert.True(v.Disk.S.Requests.Count <= 3, "one file read: one request for the whole sectors, one for the tail");
    }

    [Fact]
    public void ADiskThatIsNoArchiveIsLeftAlone()
    {
        // lorem.txt: text, then zeros.
        byte[] lorem = new byte[1024];
        Encoding.ASCII.GetBytes("Lorem ipsum dolor sit amet\n").CopyTo(lorem, 0);
        var disk = new MemoryDisk(lorem);
        var v = new Volume(disk);
        Assert.Equal(FsError.NotMounted, v.MountError);
        Assert.Equal(MountOutcome.NotUstar, v.Report.Outcome);
        Assert.DoesNotContain(v.Disk.S.Requests, r => r.Op != 'R');
        Assert.Equal(lorem, v.Disk.Image);
        Assert.Equal(FsError.NotMounted, v.Write("x", [1]));
        Assert.Equal(FsError.NotMounted, v.Sync());
        Assert.Equal(-1, v.Fs.NextEntry(0));
    }

    [Fact]
    public void ABlankDiskIsAnEmptyArchive()
    {
        var v = Volume.Mounted(MemoryDisk.Blank(64));
        Assert.Empty(v.List());
        Assert.Equal(0UL, v.Report.ArchiveBytes);
        Assert.Equal(MountOutcome.DiskTooSmall, new Volume(MemoryDisk.Blank(2)).Report.Outcome);
    }

    [Fact]
    public void ADiskWithoutRoomForTheLogMountsButTakesNoWrites()
    {
        byte[] archive = HostTar.CreateFrom(("hello.txt", Volume.Bytes("hi\n")));
        var v = Volume.Mounted(new MemoryDisk(archive)); // exactly tar's 10240 bytes: 2 + 2 blocks used, record padding
        Assert.False(v.Report.Full);
        var w = Volume.Mounted(MemoryDisk.FromImage(archive[..2048], 2048));
        Assert.True(w.Report.Full);
        Assert.Equal(FsError.DiskFull, w.Write("x", [1]));
        Assert.Equal(Volume.Bytes("hi\n"), w.ReadAll("hello.txt"));
    }
}
