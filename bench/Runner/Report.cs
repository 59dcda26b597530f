using System.Globalization;
using System.Text;
using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>Writes results.md, runs.csv, icount.csv and throughput.png.</summary>
public static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(RunState state, RepoLayout repo, string outDir)
    {
        var rows = Row.Summarise(state.Samples, state.IcountSamples);
        SamplesCsv.Write(Path.Combine(outDir, "runs.csv"), state.Samples);
        if (state.IcountSamples.Count > 0)
            SamplesCsv.Write(Path.Combine(outDir, "icount.csv"), state.IcountSamples);
        if (state.HostRuns.Count > 0)
            HostCsv.Write(Path.Combine(outDir, "host.csv"), state.HostRuns);
        ThroughputPlot.Save(Path.Combine(outDir, "throughput.png"), rows, state.Settings);
        File.WriteAllText(Path.Combine(outDir, "results.md"), Markdown(state, repo, rows));
    }

    private static string Markdown(RunState state, RepoLayout repo, Dictionary<RowKey, Row> rows)
    {
        var s = state.Settings;
        var md = new StringBuilder();
        md.AppendLine("# Benchmark results");
        md.AppendLine();
        md.AppendLine($"Written by `{s.CommandLine}` on {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", Inv)} UTC; every run of `./bench.sh`");
        md.AppendLine("replaces this file (bench/README.md says how to read it). Plot: [throughput.png](throughput.png); every");
        md.AppendLine(state.HostRuns.Count > 0
            ? "measurement: [runs.csv](runs.csv); the host around each run: [host.csv](host.csv)."
            : "measurement: [runs.csv](runs.csv).");
        md.AppendLine();
        if (s.Quick)
        {
            md.AppendLine("> **A pipeline check (`--quick`), not a measurement:** one repetition of very short cases. Do not quote these numbers.");
            md.AppendLine();
        }

        md.AppendLine("## The run");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        foreach (var (key, value) in state.Environment)
            md.AppendLine($"| {key} | {Escape(value)} |");
        md.AppendLine($"| repetitions | {s.Reps}, alternated: the configurations run in turn, each repetition starting one later |");
        md.AppendLine(s.Requests is { } n
            ? $"| requests per guest case | {n} |"
            : $"| guest case length | {s.Milliseconds} ms time budget: requests are submitted until it is used up, then the ones in flight drained; n is what completed |");
        md.AppendLine("| disk | a fresh sparse 64 MiB raw image for every boot (and every qemu-img run), created after `sync`; QEMU's defaults: cache=writeback, aio=threads |");
        md.AppendLine("| order of cases in a boot | reads first (on the sparse image), then writes, each: seq then rand, 512 B, 4 KiB, 64 KiB, QD 1, 4, 16, 64 |");
        md.AppendLine($"| elapsed | {state.Elapsed.TotalMinutes.ToString("0.0", Inv)} min |");
        md.AppendLine();
        if (state.Failures.Count > 0 || state.Warnings.Count > 0)
        {
            md.AppendLine("**Problems in this run:**");
            md.AppendLine();
            foreach (var f in state.Failures.Concat(state.Warnings))
                md.AppendLine($"- {Escape(f)}");
            md.AppendLine();
        }

        md.AppendLine("## Configurations");
        md.AppendLine();
        md.AppendLine("| configuration | what | features accepted | rows |");
        md.AppendLine("|---|---|---|---|");
        foreach (var c in state.Configs.Concat(state.Configs.Where(c => c.Kind == DriverKind.QemuImg)
                     .Select(c => c with { Name = "qemu-img-writethrough" })))
        {
            var mine = rows.Values.Where(r => r.Key.Config == c.Name).ToList();
            string features = mine.Count == 0 ? "-" : string.Join(" / ", mine.Select(r => r.Features).Distinct().Select(FeatureText));
            string status = state.Notes.TryGetValue(c.Name, out var note) ? $"none: {note}" : mine.Count.ToString(Inv);
            string what = c.Name == "qemu-img-writethrough"
                ? "qemu-img bench writes with cache=writethrough: what a guest that accepts no FLUSH gets"
                : c.Description;
            md.AppendLine($"| `{c.Name}` | {what} | {features} | {Escape(status)} |");
        }
        md.AppendLine();
        md.AppendLine("Accepting no features means QEMU writes through: every guest write waits for the host's `fdatasync`. With");
        md.AppendLine("FLUSH (bit 9, 0x200) accepted, writes stay in the host's page cache until the guest flushes (the guests flush");
        md.AppendLine("after each write case, outside the timed loop). VERSION_1 (bit 32) is the modern transport's.");
        md.AppendLine();

        BaselineReport.Write(md, state, rows);

        md.AppendLine("## Goals (issue 6)");
        md.AppendLine();
        Goals.Write(md, state, rows);
        md.AppendLine();

        md.AppendLine("## Image sizes");
        md.AppendLine();
        md.AppendLine("Allocated ELF sections in bytes (`.data` includes `.sdata`, `.bss` includes `.sbss`; the 64 KiB stack of");
        md.AppendLine("linker/virt.ld is not counted). The kernel is everything, not just its driver.");
        md.AppendLine();
        md.AppendLine("| image | .text | .rodata | .data | .bss | total | file |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (label, path) in state.Images.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var e = ElfSections.Read(path);
            md.AppendLine(Inv, $"| {label} | {e.Text} | {e.RoData} | {e.Data} | {e.Bss} | {e.Total} | `{Path.GetRelativePath(repo.Root, path)}` |");
        }
        md.AppendLine();

        md.AppendLine("## Throughput");
        md.AppendLine();
        md.AppendLine($"Median of the runs (MiB/s = 2^20 bytes per second; IOPS = requests per second), every run's MiB/s in the order");
        md.AppendLine("of the repetitions, and the spread: (largest - smallest) / median. notifies, irqs: the driver's QueueNotify writes and");
        md.AppendLine("used-buffer interrupts per request, medians over the runs (bench/driver-costs.md); insns: instructions inside the");
        md.AppendLine("driver's calls per request, from the `--icount` boot (QEMU counts `instret` only under -icount; polling only);");
        md.AppendLine("`-` where not measured. n: requests completed in the median run's case (median over runs).");
        md.AppendLine();
        foreach (var op in Cases.Ops)
        {
            foreach (var pattern in Cases.Patterns)
            {
                foreach (var size in Cases.Sizes)
                {
                    var group = rows.Values.Where(r => r.Key.Op == op && r.Key.Pattern == pattern && r.Key.Size == size)
                        .OrderBy(r => r.Key.QueueDepth).ThenBy(r => ConfigOrder(state, r.Key.Config)).ToList();
                    if (group.Count == 0)
                        continue;
                    md.AppendLine($"### {op} {pattern} {SizeText(size)}");
                    md.AppendLine();
                    md.AppendLine("| config | op | pattern | size | qd | median IOPS | median MiB/s | every run MiB/s | spread | notifies/req | irqs/req | insns/req | features | n | runs |");
                    md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
                    foreach (var r in group)
                    {
                        md.AppendLine(Inv, $"| `{r.Key.Config}` | {op} | {pattern} | {size} | {r.Key.QueueDepth} | {r.MedianIops:0} | {r.MedianMib:0.00} | {RowText.Runs(r)} | {RowText.Spread(r)} | {RowText.PerRequest(r.NotifiesPerRequest)} | {RowText.PerRequest(r.IrqsPerRequest)} | {RowText.PerRequest(r.InsnsPerRequest)} | {FeatureText(r.Features)} | {r.MedianRequests} | {r.Runs} |");
                    }
                    md.AppendLine();
                }
            }
        }

        HostReport.Write(md, state);

        md.AppendLine("## Guest instructions per request");
        md.AppendLine();
        if (state.IcountSamples.Count == 0)
        {
            md.AppendLine("Not measured in this run (`./bench.sh --icount` adds one boot of every guest configuration under QEMU's");
            md.AppendLine("`-icount shift=0`).");
        }
        else
        {
            md.AppendLine("One boot per configuration under `-icount shift=0`, a fixed count of requests per case (`bench.n`, 2000 unless `--n`):");
            md.AppendLine("one instruction per nanosecond of virtual time, so");
            md.AppendLine("instructions = ticks × 100 at the 10 MHz timebase. Polling spins are counted, so these include waiting;");
            md.AppendLine("in parentheses the instructions inside the driver's calls (the guest's `insns=`, polling only); see [icount.csv](icount.csv).");
            md.AppendLine();
            md.AppendLine("| config | op | pattern | size | QD1 | QD4 | QD16 | QD64 |");
            md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
            foreach (var g in state.IcountSamples.GroupBy(x => (x.Config, x.Op, x.Pattern, x.Size))
                         .OrderBy(g => ConfigOrder(state, g.Key.Config)).ThenBy(g => Array.IndexOf(Cases.Ops, g.Key.Op))
                         .ThenBy(g => Array.IndexOf(Cases.Patterns, g.Key.Pattern)).ThenBy(g => g.Key.Size))
            {
                var cells = Cases.Depths.Select(qd => g.FirstOrDefault(x => x.QueueDepth == qd) is { } x && x.Requests > 0
                    ? (x.Ticks * 100.0 / x.Requests).ToString("0", Inv) + (x.Insns is { } i ? $" ({(i / (double)x.Requests).ToString("0", Inv)})" : "") : "-");
                md.AppendLine($"| `{g.Key.Config}` | {g.Key.Op} | {g.Key.Pattern} | {g.Key.Size} | {string.Join(" | ", cells)} |");
            }
        }
        md.AppendLine();

        md.AppendLine("## Analysis");
        md.AppendLine();
        var analysis = Path.Combine(repo.Root, "bench", "analysis.md");
        if (s.Subset)
            md.AppendLine("(A run of some of the configurations: bench/analysis.md, written about a full run, is not included.)");
        else if (File.Exists(analysis) && !s.Quick)
            md.AppendLine(File.ReadAllText(analysis).Trim());
        else
            md.AppendLine("(bench/analysis.md, written by hand after a full run to explain what the goals table shows, is included here.)");
        return md.ToString();
    }

    public static int ConfigOrder(RunState state, string name)
    {
        // kernel first, then the yardstick, then qemu-img, each in the listed order
        int kind = name.StartsWith("kernel", StringComparison.Ordinal) ? 0 : name.StartsWith("c-", StringComparison.Ordinal) ? 1 : 2;
        int index = state.Configs.ToList().FindIndex(c => c.Name == name);
        return kind * 1000 + (index < 0 ? 999 : index);
    }

    public static string SizeText(int size) => size >= 1024 ? $"{size / 1024} KiB" : $"{size} B";

    public static string FeatureText(string features) => features;

    public static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    public static string Arch(TargetArch arch) => arch.Name();
}
