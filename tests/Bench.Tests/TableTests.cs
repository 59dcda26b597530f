using Rvc.Driver;

namespace Rvc.Bench.Tests;

/// <summary>
/// The runner's tables show every repetition of a case, its spread and the driver's counters per request (issue 13):
/// <see cref="Row.Summarise"/>, <see cref="RowText"/>, the terminal summary's cells and runs.csv, checked on samples
/// made here and on the published bench/results/runs.csv (written before the counters existed).
/// </summary>
public class TableTests
{
    private static Sample Run(int rep, long kibps, long requests = 1000, long? notifies = null, long? irqs = null, long? insns = null,
                              string config = "kernel-rv64-legacy-poll", string op = "read", string pattern = "seq", int size = 4096, int qd = 16)
        => new(rep, config, DriverKind.Kernel, "rv64", "legacy", "poll", "0x200", op, pattern, size, qd, requests, 10_000_000, requests, kibps,
               notifies, irqs, insns);

    [Fact]
    public void RowKeepsEveryRunInRepetitionOrderAndItsSpread()
    {
        // Given out of order: the row lists them by repetition, the median is the middle one.
        var rows = Row.Summarise([Run(3, 300 * 1024), Run(1, 200 * 1024), Run(2, 100 * 1024)]);

        var row = Assert.Single(rows.Values);
        Assert.Equal([200.0, 100.0, 300.0], row.RunMib);
        Assert.Equal(200.0, row.MedianMib);
        Assert.Equal(1.0, row.Spread, 9); // (300 - 100) / 200
        Assert.Equal("200.0, 100.0, 300.0", RowText.Runs(row));
        Assert.Equal("100.0%", RowText.Spread(row));
    }

    [Fact]
    public void ASingleRunHasNoSpread()
    {
        var row = Assert.Single(Row.Summarise([Run(1, 1024)]).Values);

        Assert.Equal("-", RowText.Spread(row));
    }

    [Fact]
    public void CountersArePerRequestMediansOverTheRunsThatHaveThem()
    {
        // notifies/request: 0.1, 0.3, and a run without the counter (left out); insns/request 800 and 900.
        var rows = Row.Summarise([
            Run(1, 1024, requests: 1000, notifies: 100, insns: 800_000),
            Run(2, 1024, requests: 2000, notifies: 600, insns: 1_800_000),
            Run(3, 1024, requests: 1000),
        ]);

        var row = Assert.Single(rows.Values);
        Assert.Equal(0.2, row.NotifiesPerRequest!.Value, 9);
        Assert.Null(row.IrqsPerRequest);
        Assert.Equal(850.0, row.InsnsPerRequest!.Value, 9);
        Assert.Equal("0.20", RowText.PerRequest(row.NotifiesPerRequest));
        Assert.Equal("-", RowText.PerRequest(row.IrqsPerRequest));
        Assert.Equal("850", RowText.PerRequest(row.InsnsPerRequest));
    }

    [Fact]
    public void InstructionsComeFromTheIcountBoot()
    {
        var rows = Row.Summarise([Run(1, 1024, notifies: 1000)], [Run(0, 1, requests: 2000, insns: 2_166_000)]);

        var row = Assert.Single(rows.Values);
        Assert.Equal(1083.0, row.InsnsPerRequest!.Value, 9);
        Assert.Equal(1.0, row.NotifiesPerRequest!.Value, 9);
        Assert.Equal([1.0], row.RunMib);
    }

    [Fact]
    public void SampleTakesTheCountersFromTheBenchLine()
    {
        var line = BenchLine.TryParse("bench: arch=rv64 transport=legacy completion=irq features=0x30000200 op=read pattern=seq size=4096 qd=16 "
                                      + "n=2000 ticks=10000000 iops=2000 kibps=8000 notifies=200 irqs=150")!;
        var config = BenchConfig.All([TargetArch.RiscV64]).Single(c => c.Name == "kernel-rv64-legacy-irq-eventidx-indirect");

        var sample = Sample.From(1, config, line);

        Assert.Equal(200, sample.Notifies);
        Assert.Equal(150, sample.Irqs);
        Assert.Null(sample.Insns);
    }

    [Fact]
    public void SummaryHasALinePerHighlightedCaseAndOneForAConfigurationWithoutRows()
    {
        var configs = BenchConfig.All([TargetArch.RiscV64]).Where(c => c.Name is "kernel-rv64-legacy-poll" or "kernel-rv64-modern-poll").ToList();
        var state = new RunState(new RunSettings(), configs);
        state.Notes["kernel-rv64-modern-poll"] = "the kernel did not build";
        var rows = Row.Summarise([
            Run(1, 100 * 1024, notifies: 100), Run(2, 120 * 1024, notifies: 140),
            Run(1, 10 * 1024, op: "read", pattern: "rand", size: 512, qd: 1),
        ]);

        var lines = Terminal.SummaryLines(state, rows);

        Assert.Equal(3, lines.Count);
        Assert.Equal(["kernel-rv64-legacy-poll", "read rand 512 B QD1", "10.0", "10.0", "-", "-", "-", "-", ""], lines[0]);
        Assert.Equal(["kernel-rv64-legacy-poll", "read seq 4 KiB QD16", "100.0, 120.0", "110.0", "18.2%", "0.12", "-", "-", ""], lines[1]);
        Assert.Equal("kernel-rv64-modern-poll", lines[2][0]);
        Assert.Equal("the kernel did not build", lines[2][^1]);
    }

    [Fact]
    public void RingConfigurationsPassBenchRingAndHaveUniqueNames()
    {
        var all = BenchConfig.All([TargetArch.RiscV32, TargetArch.RiscV64]);

        Assert.Equal(all.Count, all.Select(c => c.Name).Distinct().Count());
        foreach (var arch in new[] { "rv32", "rv64" })
        {
            foreach (var completion in new[] { "poll", "irq" })
            {
                Assert.Equal("event-idx", all.Single(c => c.Name == $"kernel-{arch}-legacy-{completion}-eventidx").Ring);
                Assert.Equal("indirect", all.Single(c => c.Name == $"kernel-{arch}-legacy-{completion}-indirect").Ring);
                Assert.Equal("event-idx,indirect", all.Single(c => c.Name == $"kernel-{arch}-legacy-{completion}-eventidx-indirect").Ring);
                Assert.Null(all.Single(c => c.Name == $"kernel-{arch}-legacy-{completion}").Ring);
                var packed = all.Single(c => c.Name == $"kernel-{arch}-modern-{completion}-packed");
                Assert.True(packed.PackedRing && packed.Transport == Rvc.Launcher.VirtioTransport.Modern && packed.Ring is null);
                Assert.False(all.Single(c => c.Name == $"kernel-{arch}-modern-{completion}").PackedRing);
            }
        }
    }

    [Fact]
    public void CsvRoundTripsTheCounters()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bench-tests-{Environment.ProcessId}.csv");
        Sample[] samples = [Run(1, 1024, notifies: 10, irqs: 5, insns: 123456), Run(2, 2048)];
        try
        {
            SamplesCsv.Write(path, samples);
            Assert.Equal(samples, SamplesCsv.Read(path));
            Assert.StartsWith("rep,config,driver,arch,transport,completion,features,op,pattern,size,qd,n,ticks,iops,kibps,notifies,irqs,insns\n",
                File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheIcountSamplesAreReadFromBesideRunsCsv()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"bench-tests-icount-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        string runs = Path.Combine(dir, "runs.csv");
        Sample[] icount = [Run(0, 10, requests: 2000, insns: 876_006), Run(0, 20, requests: 2000, insns: 600_000, qd: 64)];
        try
        {
            SamplesCsv.Write(runs, [Run(1, 1024)]);
            Assert.Empty(SamplesCsv.ReadIcountBeside(runs));

            SamplesCsv.Write(Path.Combine(dir, "icount.csv"), icount);
            Assert.Equal(icount, SamplesCsv.ReadIcountBeside(runs));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(null, false, "bench.ms=1000")]
    [InlineData(null, true, "bench.n=2000")]
    [InlineData(500, false, "bench.n=500")]
    [InlineData(500, true, "bench.n=500")]
    public void AnIcountBootRunsAFixedCountWhateverTheTimeBudget(int? requests, bool icount, string expected)
    {
        var settings = new RunSettings { Reps = 3, Milliseconds = 1000, Requests = requests };

        Assert.Equal(expected, Program.Budget(settings, icount));
    }

    [Fact]
    public void ReadsThePublishedCsvWrittenBeforeTheCounters()
    {
        string published = Path.Combine(RepoRoot(), "bench", "results", "runs.csv");
        int lines = File.ReadLines(published).Count() - 1;

        var samples = SamplesCsv.Read(published);

        Assert.Equal(lines, samples.Count);
        Assert.All(samples, s => Assert.True(s.Notifies is null && s.Irqs is null && s.Insns is null));
        Assert.Contains(samples, s => s.Config == "kernel-rv64-legacy-poll" && s.Requests > 0);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RiscvCSharp.slnx")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("RiscvCSharp.slnx above " + AppContext.BaseDirectory);
    }
}
