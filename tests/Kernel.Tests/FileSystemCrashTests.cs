using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Rvc.Kernel.Tests;

/// <summary>
/// Issue 11's crash test: a loop of writes and syncs through the kernel shell, QEMU killed (SIGKILL, with the launcher)
/// at seeded moments spread over the flush; after each kill the disk is booted again (recovery runs) and the host's
/// tar must see exactly the archive as before or as after the interrupted flush. The first round is not killed: it
/// measures how long a flush takes, and the kills land uniformly in [0, 1.25 x that] after the shell said it began.
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
        TimeSpan flush = TimeSpan.Zero;
        int inside = 0, before = 0, after = 0, replayed = 0;
        for (int round = 0; round <= Kills; round++)
        {
            string name = $"c{round % 3}.bin";
            int size = random.Next(1 << 20, 4 << 20);
            ulong fillSeed = (ulong)random.NextInt64();
            var next = new SortedDictionary<string, byte[]>(state, StringComparer.Ordinal) { [name] = HostTarRunner.FillPattern(size, fillSeed) };
            TimeSpan? delay = round == 0 ? null : TimeSpan.FromMilliseconds(random.NextDouble() * 1.25 * flush.TotalMilliseconds);
            var run = BootAndKill(arch, image, $"fill {name} {size} {fillSeed}\nsync\npoweroff\n", delay);
            if (round == 0)
            {
                Assert.True(run.SawDone, $"the calibration round did not finish its flush:\n{run.Output}");
                flush = run.FlushTime;
            }

            bool landedInside = run.SawBegin && !run.SawDone;
            inside += landedInside && round > 0 ? 1 : 0;

            var check = KernelBoot.BootWithInput(arch, "poweroff\n", "--disk", image, "--kernel-shell");
            Assert.True(check.ExitCode == 0, $"seed {seed}, round {round}: {check.Describe()}");
            replayed += check.Stdout.Contains("fs: recovery: flush #", StringComparison.Ordinal) ? 1 : 0;
            var view = HostTarRunner.Read(image);
            Assert.True(view.ExitCode == 0 && view.Errors == "", $"seed {seed}, round {round}: host tar: {view.Errors}");
            bool isOld = Same(view.Files, state), isNew = Same(view.Files, next);
            Assert.True(isOld || isNew, $"seed {seed}, round {round} (delay {delay?.TotalMilliseconds:0} ms): neither the archive before nor after the flush\n{view.Listing}\n{run.Output}\n{check.Stdout}");
            Assert.True(run.SawBegin || isOld, $"seed {seed}, round {round}: killed before the flush began, yet the archive changed");
            Assert.True(!run.SawDone || isNew, $"seed {seed}, round {round}: the flush said done, yet the archive is the old one");
            before += isOld && round > 0 ? 1 : 0;
            after += isNew && round > 0 ? 1 : 0;
            state = isNew ? next : state;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{arch}, seed {seed}: a flush takes {flush.TotalMilliseconds:0} ms; {Kills} kills, {inside} inside a flush, {replayed} recoveries replayed a log; archive before the flush {before} times, after it {after} times"));
        Assert.True(inside > 0, "no kill landed inside a flush");
    }

    private static bool Same(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var other) && other.AsSpan().SequenceEqual(f.Value));

    private sealed record KillRun(string Output, bool SawBegin, bool SawDone, TimeSpan FlushTime);

    /// <summary>Boots with <paramref name="input"/> on the UART; <paramref name="delay"/> after the shell says a flush
    /// begins, kills the launcher and QEMU (SIGKILL). Without a delay, lets the boot end.</summary>
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
        var text = new System.Text.StringBuilder();
        var clock = Stopwatch.StartNew();
        bool sawBegin = false, sawDone = false;
        TimeSpan began = TimeSpan.Zero, flushTime = TimeSpan.Zero;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            text.AppendLine(line);
            if (line.Contains(Begin, StringComparison.Ordinal))
            {
                sawBegin = true;
                began = clock.Elapsed;
                if (delay is { } d)
                {
                    Thread.Sleep(d);
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }
            else if (line.Contains(Done, StringComparison.Ordinal))
            {
                sawDone = true;
                flushTime = clock.Elapsed - began;
            }

            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        // Whatever the pipe still holds was printed before the kill: a "done" there means the flush ended first.
        string rest = process.StandardOutput.ReadToEnd();
        text.Append(rest);
        sawDone |= rest.Contains(Done, StringComparison.Ordinal);
        process.WaitForExit();
        return new KillRun(text.ToString(), sawBegin, sawDone, flushTime);
    }
}
