namespace Kernel.FileSystem.Tests;

/// <summary>Writes, creates, deletes and flushes, checked by the host's tar on the disk image afterwards.</summary>
public class WriteTests
{
    private static readonly byte[] Hello = Volume.Bytes("Can you see me?\n");

    private static Volume BooksDisk(int bytes = 1 << 20) =>
        Volume.Mounted(MemoryDisk.FromImage(HostTar.CreateFrom(("hello.txt", Hello), ("meow.txt", Volume.Bytes("meow\n"))), bytes));

    [Fact]
    public void TheBooksWritefileThenSyncIsWhatHostTarExtracts()
    {
        var v = BooksDisk();
        var before = HostTar.Read(v.Disk.Image);
        Assert.Equal(FsError.None, v.Write("hello.txt", Volume.Bytes("Hello from shell!\n")));
        // Not synced: the archive on the disk is still the old one.
        Assert.True(HostTar.Read(v.Disk.Image).SameAs(before));
        Assert.Equal(Volume.Bytes("Hello from shell!\n"), v.ReadAll("hello.txt"));
        v.SyncOk();
        var after = HostTar.Read(v.Disk.Image);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal("", after.Errors);
        Assert.Equal(Volume.Bytes("Hello from shell!\n"), after.Files["hello.txt"]);
        Assert.Equal(Volume.Bytes("meow\n"), after.Files["meow.txt"]);
        // The other file's header is the host's, byte for byte (owner, mode, mtime): its listing line is unchanged.
        string meowLine(TarView t) => t.Listing.Split('\n').Single(l => l.EndsWith("meow.txt"));
        Assert.Equal(meowLine(before), meowLine(after));
        Assert.True(v.SyncOk().NothingToDo);
    }

    [Fact]
    public void EveryKindOfChangeSurvivesARemountAndHostTar()
    {
        var v = BooksDisk(16 << 20);
        byte[] big = Volume.Content(7, 2_500_000);
        Assert.Equal(FsError.None, v.Create("docs", EntryKind.Directory));
        Assert.Equal(FsError.None, v.Write("docs/big.bin", big[..1_000_000]));
        Assert.Equal(FsError.None, v.Append("docs/big.bin", big[1_000_000..]));
        Assert.Equal(FsError.None, v.Create("empty.txt"));
        Assert.Equal(FsError.None, v.Delete("meow.txt"));
        string longName = string.Join('/', Enumerable.Range(0, 15).Select(i => $"d{i:000000}")) + "/" + new string('z', 100);
        Assert.Equal(FsError.None, v.Write(longName, Volume.Bytes("deep")));
        Assert.Equal(FsError.None, v.Append("hello.txt", Volume.Bytes("more\n")));
        v.SyncOk();

        var view = HostTar.Read(v.Disk.Image);
        Assert.Equal(0, view.ExitCode);
        Assert.Equal("", view.Errors);
        Assert.Equal([.. Hello, .. Volume.Bytes("more\n")], view.Files["hello.txt"]);
        Assert.Equal(big, view.Files["docs/big.bin"]);
        Assert.Empty(view.Files["empty.txt"]);
        Assert.Equal(Volume.Bytes("deep"), view.Files[longName]);
        Assert.False(view.Files.ContainsKey("meow.txt"));
        Assert.Contains("docs", view.Directories);

        var again = Volume.Mounted(new MemoryDisk(v.Disk.Image));
        Assert.Equal(v.List(), again.List());
        Assert.Equal(big, again.ReadAll("docs/big.bin"));
    }

    [Fact]
    public void ManyFilesManySyncsAndMovesStayExact()
    {
        var v = Volume.Mounted(MemoryDisk.Blank(64 * 2048));
        var model = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var random = new Random(11);
        for (int round = 0; round < 6; round++)
        {
            for (int i = 0; i < 40; i++)
            {
                string name = $"f{random.Next(60):00}.dat";
                int op = random.Next(10);
                if (op < 6)
                {
                    byte[] data = Volume.Content(random.Next(), random.Next(0, 70_000));
                    Assert.Equal(FsError.None, v.Write(name, data));
                    model[name] = data;
                }
                else if (op < 8 && model.ContainsKey(name))
                {
                    byte[] more = Volume.Content(random.Next(), random.Next(1, 3000));
                    Assert.Equal(FsError.None, v.Append(name, more));
                    model[name] = [.. model[name], .. more];
                }
                else
                {
                    Assert.Equal(model.Remove(name) ? FsError.None : FsError.NotFound, v.Delete(name));
                }
            }

            v.SyncOk();
            var view = HostTar.Read(v.Disk.Image);
            Assert.Equal(0, view.ExitCode);
            Assert.Equal(model.Keys, view.Files.Keys);
            foreach (var (name, data) in model)
            {
                Assert.Equal(data, view.Files[name]);
            }
        }
    }

    [Fact]
    public void ErrorsAreDistinctAndChangeNothing()
    {
        var v = BooksDisk(64 * 1024);
        byte[] image = (byte[])v.Disk.Image.Clone();
        Assert.Equal(FsError.NameTooLong, v.Write(new string('a', 101), [1]));
        Assert.Equal(FsError.NameTooLong, v.Write(new string('a', 150) + "/" + new string('b', 101), [1]));
        Assert.Equal(FsError.NameTooLong, v.Write(new string('a', 160) + "/b", [1]));
        Assert.Equal(FsError.BadName, v.Write("", [1]));
        Assert.Equal(FsError.BadName, v.Write("/abs", [1]));
        Assert.Equal(FsError.BadName, v.Write("a\nb", [1]));
        Assert.Equal(FsError.BadName, v.Write("a//b", [1]));
        Assert.Equal(FsError.AlreadyExists, v.Create("hello.txt"));
        Assert.Equal(FsError.NotFound, v.Delete("nope"));
        Assert.Equal(FsError.NotFound, v.Append("nope", [1]));
        Assert.Equal(FsError.DiskFull, v.Write("huge", new byte[70 * 1024]));
        Assert.Equal(Hello, v.ReadAll("hello.txt"));
        Assert.Equal(FsError.None, v.Create("d", EntryKind.Directory));
        Assert.Equal(FsError.None, v.Write("d/x", [1]));
        Assert.Equal(FsError.DirectoryNotEmpty, v.Delete("d"));
        Assert.Equal(FsError.NotAFile, v.Write("d", [1]));
        Assert.True(image.AsSpan(0, 2048).SequenceEqual(v.Disk.Image.AsSpan(0, 2048)), "nothing of the archive was written before a sync");
    }

    [Fact]
    public void AFlushWithoutRoomForItsLogLeavesTheDiskAsItWas()
    {
        // 64 KiB disk: the archive (10 KiB), staged data and the log must fit below the last sector.
        var v = BooksDisk(64 * 1024);
        Assert.Equal(FsError.None, v.Write("a.bin", Volume.Content(1, 30_000)));
        byte[] image = (byte[])v.Disk.Image.Clone();
        var before = HostTar.Read(image);
        // The new archive (hello, meow, a.bin ~ 32 KiB) is logged past the staged bytes: no room.
        Assert.Equal(FsError.DiskFull, v.Sync());
        Assert.True(HostTar.Read(v.Disk.Image).SameAs(before));
        Assert.Equal(FsError.None, v.Delete("a.bin"));
        Assert.Equal(FsError.None, v.Write("b.bin", Volume.Content(2, 5_000)));
        v.SyncOk();
        Assert.Equal(Volume.Content(2, 5_000), HostTar.Read(v.Disk.Image).Files["b.bin"]);
    }

    [Fact]
    public void AReadOnlyDiskIsReadButNeverWritten()
    {
        byte[] archive = HostTar.CreateFrom(("hello.txt", Hello));
        var v = Volume.Mounted(new MemoryDisk(archive, readOnly: true));
        Assert.Equal(Hello, v.ReadAll("hello.txt"));
        Assert.Equal(FsError.ReadOnly, v.Write("hello.txt", [1]));
        Assert.Equal(FsError.ReadOnly, v.Create("x"));
        Assert.Equal(FsError.ReadOnly, v.Delete("hello.txt"));
        Assert.Equal(FsError.ReadOnly, v.Sync());
        Assert.DoesNotContain(v.Disk.S.Requests, r => r.Op != 'R');
    }

    [Fact]
    public void ADeviceErrorDuringTheLogLeavesTheOldArchiveAndTheFileItsOldContent()
    {
        var v = BooksDisk();
        var before = HostTar.Read(v.Disk.Image);
        Assert.Equal(FsError.None, v.Write("new.txt", Volume.Bytes("new")));
        v.Disk.S.FailAfter = 2;
        Assert.Equal(FsError.IoError, v.Sync());
        Assert.True(HostTar.Read(v.Disk.Image).SameAs(before));
        v.Disk.S.FailAfter = 0;
        Assert.Equal(FsError.IoError, v.Write("hello.txt", Volume.Bytes("x")));
        v.Disk.S.FailAfter = -1;
        Assert.Equal(Hello, v.ReadAll("hello.txt"));
    }

    [Fact]
    public void TheIndexGrowsChunkByChunkAndRunsOutCleanly()
    {
        var v = Volume.Mounted(MemoryDisk.Blank(8192));
        int per = FileIndex.EntriesPerChunk;
        for (int i = 0; i < per + 5; i++)
        {
            Assert.Equal(FsError.None, v.Create($"e{i}"));
        }

        HostMemory.Limit(0);
        try
        {
            for (int i = per + 5; i < 2 * per; i++)
            {
                Assert.Equal(FsError.None, v.Create($"e{i}"));
            }

            Assert.Equal(FsError.OutOfMemory, v.Create("one-too-many"));
        }
        finally
        {
            HostMemory.Unlimited();
        }

        v.SyncOk();
        Assert.Equal(2 * per, HostTar.Read(v.Disk.Image).Files.Count);
    }
}
