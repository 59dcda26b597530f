using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Rvc.Kernel.Tests;

/// <summary>
/// Issue 11's crash test: a loop of writes and syncs through the kernel shell, QEMU killed (SIGKILL, with the launcher)
/// at seeded moments spread over the flush; after each kill the disk is booted again (recovery runs) and the host's
/// tar must see exactly the archive as before or as after the interrupted flush. The first round is not killed: it
/// measures how long a flush takes, and each kill lands uniformly in [0, 1.25 x the last flush measured] after the shell
/// said it began. A flush's length is the host's (QEMU's fdatasync): on a busy CI host it swings tenfold from one round
/// to the next, so a round whose flush ends before its kill is due is not killed, runs to its end and measures the
/// flush again; if no kill of <see cref="DefaultKills"/> landed inside a flush, up to as many again are tried.
/// The suite runs <see cref="DefaultKills"/> kills per arch; <c>RVC_FS_CRASH_KILLS=100 dotnet test tests/Kernel.Tests
/// -c Release --filter FileSystemCrashTests</c> runs the full sweep (RVC_FS_CRASH_SEED replays a seed).
/// </summary>
public class FileSystemCrashTests(ITestOutputHelper output)
{
    public const int DefaultKills = 10;

    private const string Begin = "fs: sync: flushing blk0";
    private const string Done = "fs: sync: done";

    public static TheoryData<string> Arches => new(KernelBoot.Arches);

    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("RVC_FS_CRASH_KILLS"), out int n) && n > 0 ? n : DefaultKills;

    [Theory]
    [MemberData(nameof(Arches))]
    public void AKillDuringAFlushLeavesTheArchiveBeforeOrAfterIt(string arch)
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("RVC_FS_CRASH_SEED"), out int s) ? s : (arch == "rv32" ? 3211 : 6411);
        var random = new Random(seed);
        string image = HostTarRunner.MakeImage("crash", arch, 96L << 20, ("hello.txt", "Can you see me?\n"u8.ToArray()));
        var state = HostTarRunner.Read(image).Files;
        var flushes = new List<double>();
        int rounds = 0, kills = 0, inside = 0, before = 0, after = 0, replayed = 0;
        do
        {
            int round = rounds++;
            string name = $"c{round % 3}.bin";
            int size = random.Next(1 << 20, 4 << 20);
            ulong fillSeed = (ulong)random.NextInt64();
            var next = new SortedDictionary<string, byte[]>(state, StringComparer.Ordinal) { [name] = HostTarRunner.FillPattern(size, fillSeed) };
            TimeSpan? delay = round == 0 ? null : TimeSpan.FromMilliseconds(random.NextDouble() * 1.25 * flushes[^1]);
            var run = BootAndKill(arch, image, $"fill {name} {size} {fillSeed}\nsync\npoweroff\n", delay);
            Assert.False(run.TimedOut, $"seed {seed}, round {round}: the boot did not end in 3 minutes:\n{run.Output}");
            Assert.True(run.Killed || run.SawDone, $"seed {seed}, round {round}: the boot was not killed, yet its flush did not finish:\n{run.Output}");
            if (run.FlushTime is { } flush)
            {
                flushes.Add(flush.TotalMilliseconds);
            }

            kills += run.Killed ? 1 : 0;
            bool landedInside = run.Killed && run.SawBegin && !run.SawDone;
            inside += landedInside ? 1 : 0;

            var check = KernelBoot.BootWithInput(arch, "poweroff\n", "--disk", image, "--kernel-shell");
            Assert.True(check.ExitCode == 0, $"seed {seed}, round {round}: {check.Describe()}");
            replayed += check.Stdout.Contains("fs: recovery: flush #", StringComparison.Ordinal) ? 1 : 0;
            var view = HostTarRunner.Read(image);
            Assert.True(view.ExitCode == 0 && view.Errors == "", $"seed {seed}, round {round}: host tar: {view.Errors}");
            bool isOld = Same(view.Files, state), isNew = Same(view.Files, next);
            Assert.True(isOld || isNew, $"seed {seed}, round {round} (delay {delay?.TotalMilliseconds:0} ms): neither the archive before nor after the flush\n{view.Listing}\n{run.Output}\n{check.Stdout}");
            Assert.True(run.SawBegin || isOld, $"seed {seed}, round {round}: killed before the flush began, yet the archive changed");
            Assert.True(!run.SawDone || isNew, $"seed {seed}, round {round}: the flush said done, yet the archive is the old one");
            before += isOld && run.Killed ? 1 : 0;
            after += isNew && run.Killed ? 1 : 0;
            state = isNew ? next : state;
        }
        while ((kills < Kills || (inside == 0 && kills < 2 * Kills)) && rounds <= 4 * Kills);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{arch}, seed {seed}: {rounds} rounds; flushes measured took {string.Join(", ", flushes.Select(f => $"{f:0}"))} ms; {kills} kills, {inside} inside a flush, {replayed} recoveries replayed a log; archive before the flush {before} times, after it {after} times"));
        Assert.True(inside > 0, "no kill landed inside a flush");
    }

    private static bool Same(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var other) && other.AsSpan().SequenceEqual(f.Value));

    /// <param name="FlushTime">From the shell's "flushing" to its "done", when both were read before any kill.</param>
    private sealed record KillRun(string Output, bool Killed, bool TimedOut, bool SawBegin, bool SawDone, TimeSpan? FlushTime);

    /// <summary>Boots with <paramref name="input"/> on the UART; <paramref name="delay"/> after the shell says a flush
    /// begins, kills the launcher and QEMU (SIGKILL), unless the flush said done first. Without a delay, lets the boot
    /// end.</summary>
    private static KillRun BootAndKill(string arch, string image, string input, TimeSpan? delay)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { KernelBoot.LauncherDll, "boot", KernelBoot.KernelElf(arch), "--arch", arch, "--timeout", "120", "--disk", image, "--kernel-shell" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.StandardInput.Write(input);
        process.StandardInput.Close();

        // Lines are read on their own thread, so that the wait for the kill still sees a "done" that comes first.
        using var lines = new BlockingCollection<string>();
        var reader = Task.Run(() =>
        {
            string? read;
            while ((read = process.StandardOutput.ReadLine()) is not null)
            {
                lines.Add(read);
            }

            lines.CompleteAdding();
        });
        var text = new StringBuilder();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(3);
        TimeSpan? killAt = null, flushTime = null;
        TimeSpan began = TimeSpan.Zero;
        bool sawBegin = false, sawDone = false, killed = false, timedOut = false;
        while (!lines.IsCompleted)
        {
            TimeSpan due = killAt ?? deadline;
            if (clock.Elapsed >= due)
            {
                process.Kill(entireProcessTree: true);
                (killed, timedOut) = (killAt is not null, killAt is null);
                break;
            }

            if (!lines.TryTake(out string? line, (int)Math.Ceiling((due - clock.Elapsed).TotalMilliseconds)))
            {
                continue;
            }

            text.AppendLine(line);
            if (line.Contains(Begin, StringComparison.Ordinal))
            {
                sawBegin = true;
                began = clock.Elapsed;
                killAt = began + delay;
            }
            else if (line.Contains(Done, StringComparison.Ordinal))
            {
                sawDone = true;
                flushTime = clock.Elapsed - began;
                killAt = null;   // the flush ended before the kill was due: the boot runs to its end
            }
        }

        process.WaitForExit();
        reader.Wait();
        // Whatever the pipe still held was printed before the kill: a "done" there means the flush ended first.
        foreach (string rest in lines.GetConsumingEnumerable())
        {
            text.AppendLine(rest);
            sawDone |= rest.Contains(Done, StringComparison.Ordinal);
        }

        return new KillRun(text.ToString(), killed, timedOut, sawBegin, sawDone, flushTime);
    }
}
