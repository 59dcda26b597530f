using System.Security.Cryptography;

namespace Kernel.FileSystem.Tests;

/// <summary>
/// The power-cut model of the flush. The disk has a volatile write cache: a write is durable only after the FLUSH
/// that follows it; until then any subset of its sectors may reach the platter, in any order. For every prefix of a
/// flush's request sequence (a cut after request k), and for several choices of the pending sectors that made it
/// (none, all, random subsets in random order), the image is mounted again (recovery runs) and the host's tar must
/// find exactly the archive as before the flush or as after it.
/// </summary>
public class CrashModelTests
{
    private sealed record Outcome(int Cuts, int Old, int New, int Replayed, int Torn);

    private static Outcome CutEverywhere(Volume v, int seed, int randomChoices = 3)
    {
        byte[] before = (byte[])v.Disk.Image.Clone();
        var oldView = HostTar.Read(before);
        Assert.Equal(0, oldView.ExitCode);
        byte[] durable = (byte[])v.Disk.S.Durable.Clone();
        var pending = v.Disk.S.Pending.ToList();
        int first = v.Disk.S.Requests.Count;

        v.SyncOk();
        var newView = HostTar.Read(v.Disk.Image);
        Assert.Equal(0, newView.ExitCode);
        Assert.False(oldView.SameAs(newView), "the scenario must change the archive");
        var requests = v.Disk.S.Requests.Skip(first).Where(r => r.Op != 'R').ToList();

        var random = new Random(seed);
        var seen = new HashSet<string>();
        int cuts = 0, old = 0, @new = 0, replayed = 0, torn = 0;
        for (int k = 0; k <= requests.Count; k++)
        {
            // The state after the first k requests: durable sectors and the pending ones.
            byte[] platter = (byte[])durable.Clone();
            var cache = new List<(ulong Sector, byte[] Data)>(pending);
            foreach (var request in requests.Take(k))
            {
                if (request.Op == 'F')
                {
                    foreach (var (sector, data) in cache)
                    {
                        data.CopyTo(platter, (int)sector * MemoryDisk.Sector);
                    }

                    cache.Clear();
                    continue;
                }

                for (int i = 0; i < request.Sectors; i++)
                {
                    cache.Add((request.Sector + (ulong)i, request.Data.AsSpan(i * MemoryDisk.Sector, MemoryDisk.Sector).ToArray()));
                }
            }

            var choices = new List<List<int>> { new(), Enumerable.Range(0, cache.Count).ToList() };
            for (int c = 0; c < randomChoices && cache.Count > 1; c++)
            {
                choices.Add(Enumerable.Range(0, cache.Count).Where(_ => random.Next(2) == 0).OrderBy(_ => random.Next()).ToList());
            }

            foreach (var keep in choices)
            {
                byte[] image = (byte[])platter.Clone();
                foreach (int i in keep)
                {
                    cache[i].Data.CopyTo(image, (int)cache[i].Sector * MemoryDisk.Sector);
                }

                if (!seen.Add(Convert.ToHexString(SHA256.HashData(image))))
                {
                    continue;
                }

                cuts++;
                var after = new Volume(new MemoryDisk(image));
                Assert.True(after.MountError == FsError.None && after.Report.Outcome == MountOutcome.Mounted,
                    $"cut after request {k}/{requests.Count}: {after.Report.Outcome} {after.Report.Problem} at {after.Report.ProblemOffset}");
                replayed += after.Report.Recovery == RecoveryOutcome.Replayed ? 1 : 0;
                torn += after.Report.Recovery == RecoveryOutcome.DiscardedTornRecord ? 1 : 0;
                Assert.NotEqual(RecoveryOutcome.DiscardedBadLog, after.Report.Recovery);
                var view = HostTar.Read(after.Disk.Image);
                bool isOld = view.SameAs(oldView), isNew = view.SameAs(newView);
                Assert.True(isOld || isNew, $"cut after request {k}/{requests.Count} ({after.Report.Recovery}): neither the old nor the new archive:\n{view}\nold:\n{oldView}\nnew:\n{newView}");
                old += isOld ? 1 : 0;
                @new += isNew ? 1 : 0;
                // Recovery cleared the record and the volume takes writes again.
                Assert.True(CommitRecord.IsEmpty(after.Disk.Image.AsSpan(after.Disk.Image.Length - 512)));
                if (cuts % 7 == 0)
                {
                    Assert.Equal(FsError.None, after.Write("after-crash.txt", Volume.Bytes("ok")));
                    after.SyncOk();
                    Assert.Equal(Volume.Bytes("ok"), HostTar.Read(after.Disk.Image).Files["after-crash.txt"]);
                }
            }
        }

        return new Outcome(cuts, old, @new, replayed, torn);
    }

    private static void AssertBothSidesSeen(Outcome outcome)
    {
        Assert.True(outcome.Old > 0 && outcome.New > 0 && outcome.Replayed > 0, outcome.ToString());
    }

    [Fact]
    public void TheBooksWritefileSurvivesACutAnywhere()
    {
        byte[] archive = HostTar.CreateFrom(("hello.txt", Volume.Bytes("Can you see me?\n")), ("meow.txt", Volume.Bytes("meow\n")));
        var v = Volume.Mounted(MemoryDisk.FromImage(archive, 256 * 1024));
        Assert.Equal(FsError.None, v.Write("hello.txt", Volume.Bytes("Hello from shell!\n")));
        AssertBothSidesSeen(CutEverywhere(v, seed: 1));
    }

    [Fact]
    public void AGrowingArchiveWithMovedFilesSurvivesACutAnywhere()
    {
        var entries = Enumerable.Range(0, 6).Select(i => ($"f{i}", (byte[]?)Volume.Content(i, 5000 + 15_000 * i))).ToArray();
        var v = Volume.Mounted(MemoryDisk.FromImage(HostTar.CreateFrom(entries), 2 << 20));
        Assert.Equal(FsError.None, v.Delete("f0"));                                  // everything after moves
        Assert.Equal(FsError.None, v.Write("f3", Volume.Content(99, 100_000)));      // grows
        Assert.Equal(FsError.None, v.Write("new.bin", Volume.Content(98, 70_000))); // appended
        Assert.Equal(FsError.None, v.Create("dir", EntryKind.Directory));
        AssertBothSidesSeen(CutEverywhere(v, seed: 2));
    }

    [Fact]
    public void AFlushWithMoreRunsThanTheRecordHoldsSurvivesACutAnywhere()
    {
        var entries = Enumerable.Range(0, 70).Select(i => ($"f{i:00}", (byte[]?)Volume.Content(i, 600))).ToArray();
        var v = Volume.Mounted(MemoryDisk.FromImage(HostTar.CreateFrom(entries), 1 << 20));
        for (int i = 0; i < 70; i += 2)
        {
            Assert.Equal(FsError.None, v.Write($"f{i:00}", Volume.Content(1000 + i, 700))); // same blocks, new bytes
        }

        AssertBothSidesSeen(CutEverywhere(v, seed: 3, randomChoices: 1));
    }

    [Fact]
    public void SeveralFlushesInARowEachSurviveACut()
    {
        var v = Volume.Mounted(MemoryDisk.Blank(4096));
        var random = new Random(4);
        for (int round = 0; round < 4; round++)
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(FsError.None, v.Write($"r{random.Next(5)}", Volume.Content(random.Next(), random.Next(1, 20_000))));
            }

            var outcome = CutEverywhere(v, seed: 10 + round, randomChoices: 1);
            Assert.True(outcome.Old > 0 && outcome.New > 0, outcome.ToString());
        }
    }
}
