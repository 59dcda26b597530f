using System.Text;
using Rvc.Driver;

namespace Rvc.Bench.Tests;

/// <summary>
/// The host's side of each run (<see cref="HostRun"/>): /proc/stat read as proc(5) lays it out, the shares between two
/// readings, host.csv written and read back, results.md's table, and the probes and /proc/stat of this machine.
/// </summary>
public class HostTests
{
    // proc(5): user nice system idle iowait irq softirq steal guest guest_nice; guest time is inside user and nice.
    private const string ProcStat = """
        cpu  1000 20 300 5000 40 5 6 70 11 0
        cpu0 500 10 150 2500 20 2 3 35 5 0
        cpu1 500 10 150 2500 20 3 3 35 6 0
        intr 12345 0 0
        ctxt 999
        """;

    [Fact]
    public void ProcStatIsReadFromItsAllCpuLine()
    {
        var times = CpuTimes.Parse(ProcStat.Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.Equal(new CpuTimes(Busy: 1000 + 20 + 300 + 5 + 6, Idle: 5000 + 40, Steal: 70), times);
    }

    [Fact]
    public void AKernelWithoutStealCountsHasNone()
    {
        // Before Linux 2.6.11 the line stops after softirq.
        Assert.Equal(new CpuTimes(Busy: 17, Idle: 9, Steal: 0), CpuTimes.Parse("cpu  1 2 3 4 5 6 5\n"));
        Assert.Null(CpuTimes.Parse("intr 1 2 3\n"));
    }

    [Fact]
    public void SharesAreOfTheTimeBetweenTwoReadings()
    {
        var before = new CpuTimes(Busy: 100, Idle: 300, Steal: 0);
        var after = new CpuTimes(Busy: 250, Idle: 340, Steal: 10);

        var shares = CpuTimes.Between(before, after);

        Assert.NotNull(shares);
        Assert.Equal(150 / 200.0, shares.Value.Busy, 9);
        Assert.Equal(10 / 200.0, shares.Value.Steal, 9);
        Assert.Null(CpuTimes.Between(after, after));
    }

    [Fact]
    public void HostCsvReadsBackWhatItWrote()
    {
        HostRun[] runs =
        [
            new(1, "kernel-rv64-legacy-poll", 61.25, 0.5, 0.0, 12.5, 1.25),
            new(2, "qemu-img", 30.5, null, null, 13.0, 1.5),
        ];
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.csv");
        try
        {
            HostCsv.Write(path, runs);
            Assert.StartsWith("rep,config,seconds,busy,steal,cpu_probe_ms,read_probe_us\n", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Equal(runs, HostCsv.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheReportListsEveryRepetitionInOrderPerConfiguration()
    {
        var configs = BenchConfig.All([TargetArch.RiscV64]).Where(c => c.Name is "kernel-rv64-legacy-poll" or "qemu-img").ToList();
        var state = new RunState(new RunSettings { Reps = 2 }, configs);
        state.HostRuns.AddRange([
            new(2, "kernel-rv64-legacy-poll", 60, 0.52, 0, 14.0, 1.5),
            new(1, "qemu-img", 30, 0.9, 0.01, 12.0, 1.25),
            new(1, "kernel-rv64-legacy-poll", 61, 0.48, 0, 12.5, 1.0),
            new(2, "qemu-img", 31, null, null, 13.0, 2.0),
        ]);
        var md = new StringBuilder();

        HostReport.Write(md, state);

        var lines = md.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("Over the whole run: cpu probe 12.0–14.0 ms (spread 15%), read probe 1.00–2.00 µs (spread 67%).", lines);
        Assert.Contains("| `kernel-rv64-legacy-poll` | 48%, 52% | 0%, 0% | 12.5, 14.0 | 1.00, 1.50 | 61, 60 |", lines);
        Assert.Contains("| `qemu-img` | 90%, - | 1%, - | 12.0, 13.0 | 1.25, 2.00 | 30, 31 |", lines);
        Assert.True(lines.FindIndex(l => l.StartsWith("| `kernel", StringComparison.Ordinal)) < lines.FindIndex(l => l.StartsWith("| `qemu-img", StringComparison.Ordinal)),
            "the kernel's row comes before qemu-img's, as in the other tables");
    }

    [Fact]
    public void WithoutHostRunsTheReportSaysSo()
    {
        var md = new StringBuilder();

        HostReport.Write(md, new RunState(new RunSettings(), []));

        Assert.Contains("Not recorded", md.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThisHostIsWatched()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var directory = Path.Combine(Path.GetTempPath(), $"host-probe-{Guid.NewGuid():N}");
        try
        {
            var watch = HostWatch.Start(1, "kernel-rv64-legacy-poll", directory);
            var run = watch.Stop();

            // Six dependent operations a round: 30 million cycles, 5 ms even at 6 GHz. Less means the JIT removed the
            // loop (as it did while the result was only passed to GC.KeepAlive: 1.5 ms of empty loop here).
            Assert.True(run.CpuProbeMs >= 3, $"cpu probe: {run.CpuProbeMs} ms");
            Assert.True(run.ReadProbeUs > 0, $"read probe: {run.ReadProbeUs} µs");
            Assert.False(File.Exists(Path.Combine(directory, "host-probe.bin")), "the read probe's file is left behind");
            Assert.NotNull(CpuTimes.Read());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
