using Rvc.Driver;

namespace Rvc.Bench.Tests;

/// <summary>
/// <c>./bench.sh --baseline REV</c> (issue 9, "throughput must not drop"): the option, the names of the baseline's
/// configurations and where they run, what the report says about them, and that a kernel of that time's bench lines
/// parse. Nothing here builds or boots (the runner does, see bench/README.md).
/// </summary>
public class BaselineTests
{
    private static readonly Baseline BeforeSMode = new("f39b00b^", "a1e75a3f0d8b3c1e2a4b5c6d7e8f901234567890", "a1e75a3", "compiler: drop an unused IsValueType");

    private static System.CommandLine.ParseResult Parse(params string[] args) => CommandLineTool.Parse(Program.CreateCommand(), args);

    [Fact]
    public void BaselineMayBeRepeatedAndKeepsTheRevisionAsGiven()
    {
        var result = Parse("--baseline", "f39b00b^", "--baseline", "main~3", "--config", "kernel@f39b00b^-rv64-legacy-poll");

        Assert.Empty(result.Errors);
        Assert.Equal(["f39b00b^", "main~3"], result.GetValue<string[]>("--baseline")!);
    }

    [Theory]
    [InlineData("origin/main", "'/'")]
    [InlineData("HEAD:kernel", "':'")]
    [InlineData("a b", "' '")]
    [InlineData("", "empty")]
    public void BaselineRefusesWhatCannotBeAConfigurationName(string revision, string expected)
    {
        var result = Parse("--baseline", revision);

        var error = Assert.Single(result.Errors);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherOptionsAreStillRefusedTwice()
    {
        var result = Parse("--baseline", "f39b00b^", "--quick", "--quick");

        Assert.Contains(result.Errors, e => e.Message == "--quick given twice");
    }

    [Fact]
    public void ABaselineGetsTheFourPlainKernelConfigurationsOfEachArchEachRightAfterTodays()
    {
        var all = BenchConfig.All([TargetArch.RiscV32, TargetArch.RiscV64], [BeforeSMode]);

        var mine = all.Where(c => c.Baseline is not null).ToList();
        Assert.Equal(
            ["kernel@f39b00b^-rv32-legacy-irq", "kernel@f39b00b^-rv32-legacy-poll", "kernel@f39b00b^-rv32-modern-irq", "kernel@f39b00b^-rv32-modern-poll",
             "kernel@f39b00b^-rv64-legacy-irq", "kernel@f39b00b^-rv64-legacy-poll", "kernel@f39b00b^-rv64-modern-irq", "kernel@f39b00b^-rv64-modern-poll"],
            mine.Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var c in mine)
        {
            var today = all[all.ToList().IndexOf(c) - 1];
            Assert.Equal(c.TodayName, today.Name);
            Assert.Equal((today.Arch, today.Transport, today.Completion, DriverKind.Kernel), (c.Arch, c.Transport, c.Completion, c.Kind));
            Assert.Null(c.Ring);
            Assert.False(c.PackedRing);
            Assert.Same(BeforeSMode, c.Baseline);
        }
        // Today's configurations are all still there, once each, and the names stay unique.
        Assert.Equal(BenchConfig.All([TargetArch.RiscV32, TargetArch.RiscV64]).Select(c => c.Name), all.Where(c => c.Baseline is null).Select(c => c.Name));
        Assert.Equal(all.Count, all.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void TwoBaselinesFollowTodaysInTheOrderGiven()
    {
        var sMode = new Baseline("f39b00b", "f39b00bf7e3cbd60a78ef0d9d435d79966c6b1b7", "f39b00b", "kernel in S-mode under SBI firmware");

        var names = BenchConfig.All([TargetArch.RiscV64], [BeforeSMode, sMode]).Select(c => c.Name).ToList();

        int today = names.IndexOf("kernel-rv64-modern-irq");
        Assert.Equal(["kernel-rv64-modern-irq", "kernel@f39b00b^-rv64-modern-irq", "kernel@f39b00b-rv64-modern-irq"], names.GetRange(today, 3));
    }

    [Fact]
    public void TheDescriptionNamesTheRevisionAndItsCommit()
    {
        var config = BenchConfig.All([TargetArch.RiscV64], [BeforeSMode]).Single(c => c.Name == "kernel@f39b00b^-rv64-legacy-poll");

        Assert.Equal("C# kernel at f39b00b^ = a1e75a3 (\"compiler: drop an unused IsValueType\"), rv64, legacy, polling, FLUSH, no ring features", config.Description);
    }

    [Fact]
    public void AConfigurationWithRingFeaturesHasNoBaselineCounterpart()
    {
        var ring = BenchConfig.All([TargetArch.RiscV64]).Single(c => c.Name == "kernel-rv64-legacy-poll-eventidx");

        Assert.False(BenchConfig.HasBaselineCounterpart(ring));
        Assert.Throws<InvalidOperationException>(() => ring.AtBaseline(BeforeSMode));
    }

    [Fact]
    public void ABenchLineOfTheKernelBeforeTheCountersParses()
    {
        // f39b00b^'s kernel: the twelve keys, no notifies= or irqs=.
        var line = BenchLine.TryParse("bench: arch=rv64 transport=legacy completion=poll features=0x200 op=read pattern=seq size=4096 qd=16 n=2113 ticks=200512 iops=105380 kibps=421520")!;
        var config = BenchConfig.All([TargetArch.RiscV64], [BeforeSMode]).Single(c => c.Name == "kernel@f39b00b^-rv64-legacy-poll");

        var sample = Sample.From(1, config, line);

        Assert.Equal(("kernel@f39b00b^-rv64-legacy-poll", 421520L, 2113L), (sample.Config, sample.KibPerSecond, sample.Requests));
        Assert.Null(sample.Notifies);
        Assert.Null(sample.Irqs);
    }

    [Fact]
    public void TheKernelsComplaintsAboutItsCommandLineAreFound()
    {
        const string log = "cmdline: ignoring unknown option 'bench.ring'\r\nbench: C# kernel, rv64\ncmdline: error: blk.queue='9': expected a queue size from 4 to 32768\nnote: cmdline: error: quoted";

        Assert.Equal(["cmdline: ignoring unknown option 'bench.ring'", "cmdline: error: blk.queue='9': expected a queue size from 4 to 32768"],
                     KernelConsole.RejectedOptions(log));
    }

    private static Row Case(string config, params double[] mib)
    {
        var samples = mib.Select((m, i) => new Sample(i + 1, config, DriverKind.Kernel, "rv64", "legacy", "poll", "0x200", "read", "seq", 4096, 16,
                                                      1000, 10_000_000, 1000, (long)(m * 1024)));
        return Assert.Single(Row.Summarise(samples).Values);
    }

    [Fact]
    public void OverlappingRunsAreWithinNoiseAndSeparateOnesSayWhichIsFaster()
    {
        var baseline = Case("kernel@f39b00b^-rv64-legacy-poll", 100, 110, 120);

        Assert.Equal("within noise", BaselineReport.Verdict(Case("kernel-rv64-legacy-poll", 90, 95, 100), baseline));
        Assert.Equal("**today slower** (25%)", BaselineReport.Verdict(Case("kernel-rv64-legacy-poll", 80, 82.5, 85), baseline));
        Assert.Equal("today faster (50%)", BaselineReport.Verdict(Case("kernel-rv64-legacy-poll", 160, 165, 170), baseline));
    }

    [Fact]
    public void TheReportSetsTodaysRowBesideTheBaselinesOfTheSameCase()
    {
        var configs = BenchConfig.All([TargetArch.RiscV64], [BeforeSMode]).Where(c => c.Name is "kernel-rv64-legacy-poll" or "kernel@f39b00b^-rv64-legacy-poll").ToList();
        var state = new RunState(new RunSettings { Reps = 3 }, configs);
        foreach (var (config, mib) in new[] { ("kernel-rv64-legacy-poll", new[] { 90.0, 95, 100 }), ("kernel@f39b00b^-rv64-legacy-poll", [100.0, 110, 120]) })
        {
            state.Samples.AddRange(mib.Select((m, i) => new Sample(i + 1, config, DriverKind.Kernel, "rv64", "legacy", "poll", "0x200", "read", "seq", 4096, 16,
                                                                  1000, 10_000_000, 1000, (long)(m * 1024))));
        }
        var md = new System.Text.StringBuilder();

        BaselineReport.Write(md, state, Row.Summarise(state.Samples));

        var text = md.ToString();
        Assert.Contains("| `kernel-rv64-legacy-poll` | `kernel@f39b00b^-rv64-legacy-poll` | read seq 4 KiB QD16 | 95.00 (90.00–100.00) | 110.00 (100.00–120.00) | 0.86 | within noise |", text);
        Assert.DoesNotContain("no case has rows", text);
    }
}
