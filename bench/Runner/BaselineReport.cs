using System.Globalization;
using System.Text;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>The sections of results.md about <c>--baseline</c> kernels: how each was built and booted, what differed
/// from today's kernel, and today's rows against the baseline's of the same configuration, case by case.</summary>
public static class BaselineReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(StringBuilder md, RunState state, Dictionary<RowKey, Row> rows)
    {
        var configs = state.Configs.Where(c => c.Baseline is not null).ToList();
        if (configs.Count == 0)
            return;
        md.AppendLine("## Baselines (`--baseline`)");
        md.AppendLine();
        md.AppendLine("Kernels of earlier revisions, each exported with `git archive` and built by that revision's own `./run.sh build-kernel`");
        md.AppendLine("(artifacts/bench/baseline/HASH/), then booted like today's: the same QEMU command line (today's launcher's");
        md.AppendLine("`Machine.QemuArguments`) except the firmware, which the ELF's entry chooses as `./run.sh boot` does, and the same");
        md.AppendLine("kernel command line (`bench blk.completion=... blk.queue=256` and `bench.ms=` or `bench.n=`). Only the kernel");
        md.AppendLine("configurations without `bench.ring=` or the packed ring have baseline counterparts (an older kernel may not know them).");
        md.AppendLine();
        md.AppendLine("| kernel | arch | boots | command line | bench lines |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var arch in configs.Select(c => c.Arch).Distinct())
        {
            if (state.KernelElf.TryGetValue((null, arch), out var today))
                md.AppendLine($"| today's | {arch.Name()} | {BaselineBoot.ModeOf(arch, today)} | {Options(state, c => c.Baseline is null && c.Arch == arch)} | {Keys(state, c => c.Baseline is null && c.Arch == arch)} |");
            foreach (var boot in state.BaselineBoots.Where(b => b.Arch == arch))
                md.AppendLine($"| {Report.Escape(boot.Baseline.Title)} | {arch.Name()} | {boot.Mode} | {Options(state, c => c.Baseline == boot.Baseline && c.Arch == arch)} | {Keys(state, c => c.Baseline == boot.Baseline && c.Arch == arch)} |");
        }
        md.AppendLine();

        md.AppendLine("### Today against the baselines");
        md.AppendLine();
        md.AppendLine("Median MiB/s with the min–max of the runs; today / baseline of the medians. \"within noise\": the two ranges overlap.");
        md.AppendLine();
        md.AppendLine("| today | baseline | case | today MiB/s | baseline MiB/s | today / baseline | verdict |");
        md.AppendLine("|---|---|---|---:|---:|---:|---|");
        int written = 0;
        foreach (var config in configs)
        {
            foreach (var r in rows.Values.Where(r => r.Key.Config == config.Name)
                         .OrderBy(r => Array.IndexOf(Cases.Ops, r.Key.Op)).ThenBy(r => Array.IndexOf(Cases.Patterns, r.Key.Pattern))
                         .ThenBy(r => r.Key.Size).ThenBy(r => r.Key.QueueDepth))
            {
                if (!rows.TryGetValue(r.Key with { Config = config.TodayName! }, out var now))
                    continue;
                md.AppendLine(Inv, $"| `{config.TodayName}` | `{config.Name}` | {r.Key.Op} {r.Key.Pattern} {Report.SizeText(r.Key.Size)} QD{r.Key.QueueDepth} | {Mib(now)} | {Mib(r)} | {now.MedianMib / r.MedianMib:0.00} | {Verdict(now, r)} |");
                written++;
            }
        }
        if (written == 0)
            md.AppendLine("| (no case has rows of both a baseline and today's kernel: run both, e.g. `--config kernel-rv64-legacy-poll --config kernel@REV-rv64-legacy-poll`) | | | | | | |");
        md.AppendLine();
    }

    /// <summary>"within noise" when the runs' ranges overlap, else which is faster and by how much.</summary>
    public static string Verdict(Row today, Row baseline)
    {
        if (today.MaxMib >= baseline.MinMib && baseline.MaxMib >= today.MinMib)
            return "within noise";
        double ratio = today.MedianMib / baseline.MedianMib;
        return ratio < 1
            ? string.Create(Inv, $"**today slower** ({(1 - ratio) * 100:0}%)")
            : string.Create(Inv, $"today faster ({(ratio - 1) * 100:0}%)");
    }

    private static string Mib(Row r) => string.Create(Inv, $"{r.MedianMib:0.00} ({r.MinMib:0.00}–{r.MaxMib:0.00})");

    /// <summary>What the kernel said about its options, over the chosen configurations.</summary>
    private static string Options(RunState state, Func<BenchConfig, bool> which)
    {
        if (state.Settings.FromCsv)
            return "not in runs.csv (see the results.md of the run)";
        var said = state.Configs.Where(which).SelectMany(c => state.Rejected.TryGetValue(c.Name, out var l) ? l : []).Distinct().ToList();
        return said.Count == 0 ? "every option taken" : "**" + Report.Escape(string.Join("; ", said.Select(l => $"`{l}`"))) + "**";
    }

    /// <summary>Which of the optional keys the kernel's bench lines carried.</summary>
    private static string Keys(RunState state, Func<BenchConfig, bool> which)
    {
        var names = state.Configs.Where(c => c.Kind == DriverKind.Kernel && which(c)).Select(c => c.Name).ToHashSet();
        var mine = state.Samples.Where(x => names.Contains(x.Config)).ToList();
        if (mine.Count == 0)
            return "-";
        var present = new List<string>();
        if (mine.Any(x => x.Notifies is not null))
            present.Add("notifies=");
        if (mine.Any(x => x.Irqs is not null))
            present.Add("irqs=");
        return present.Count == 0 ? "the 12 required keys only (no notifies=, irqs=: `-` in those columns)" : $"the 12 required keys and {string.Join(", ", present)}";
    }
}
