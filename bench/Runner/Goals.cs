using System.Globalization;
using System.Text;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>The goals of issue 6, checked against the medians: met or not, with the numbers, and a first reason
/// when not (bench/analysis.md carries the full one).</summary>
public static class Goals
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Goal(string Title, string Op, string Pattern, int Size, int QueueDepth, bool AgainstQemuImg);

    private static readonly Goal[] All =
    [
        new("QD1 512 B reads ≥ C yardstick", "read", "seq", 512, 1, false),
        new("QD1 512 B reads ≥ C yardstick", "read", "rand", 512, 1, false),
        new("QD1 512 B writes ≥ C yardstick", "write", "seq", 512, 1, false),
        new("QD1 512 B writes ≥ C yardstick", "write", "rand", 512, 1, false),
        new("4 KiB reads at QD16 ≥ C yardstick", "read", "seq", 4096, 16, false),
        new("4 KiB reads at QD16 ≥ C yardstick", "read", "rand", 4096, 16, false),
        new("64 KiB reads at QD16 ≥ qemu-img bench", "read", "seq", 65536, 16, true),
    ];

    public static void Write(StringBuilder md, RunState state, Dictionary<RowKey, Row> rows)
    {
        md.AppendLine("Each C# kernel configuration against the C yardstick of the same arch that accepted the same features");
        md.AppendLine("(the feature bits compared without VERSION_1), or against qemu-img bench (cache=writeback) for the 64 KiB");
        md.AppendLine("goal, which is sequential only there. Medians in MiB/s, the min–max of the runs in brackets. Like for like:");
        md.AppendLine("the `legacy-poll` rows are the yardstick's design; the others show what a transport or interrupts cost.");
        md.AppendLine();
        md.AppendLine("| goal | case | kernel configuration | features | kernel MiB/s | reference | reference MiB/s | kernel / reference | verdict |");
        md.AppendLine("|---|---|---|---|---|---|---|---:|---|");
        var kernels = state.Configs.Where(c => c.Kind == DriverKind.Kernel).ToList();
        foreach (var goal in All)
        {
            string @case = $"{goal.Op} {goal.Pattern} {Report.SizeText(goal.Size)} QD{goal.QueueDepth}";
            foreach (var arch in kernels.Select(c => c.Arch).Distinct())
            {
                var mine = kernels.Where(c => c.Arch == arch).ToList();
                var measured = mine.Where(c => rows.ContainsKey(new RowKey(c.Name, goal.Op, goal.Pattern, goal.Size, goal.QueueDepth))).ToList();
                var missing = mine.Except(measured).ToList();
                if (missing.Count > 0)
                {
                    // One row for the configurations of this arch without rows, with every possible reference.
                    var references = goal.AgainstQemuImg
                        ? [Find(rows, "qemu-img", goal)]
                        : state.Configs.Where(c => c.Kind == DriverKind.Yardstick && c.Arch == arch).Select(c => Find(rows, c.Name, goal)).ToList();
                    var why = string.Join("; ", missing.Select(c => state.Notes.TryGetValue(c.Name, out var note) ? note : "no rows").Distinct());
                    var names = missing.Count == mine.Count ? $"all {arch.Name()} kernel configurations" : string.Join(", ", missing.Select(c => $"`{c.Name}`"));
                    md.AppendLine($"| {goal.Title} | {@case} | {names} | - | - | {string.Join("; ", references.Where(r => r is not null).Select(RefName))} | {string.Join("; ", references.Where(r => r is not null).Select(Mib))} | - | not measured: {Report.Escape(why)} |");
                }
                foreach (var kernel in measured)
                    WriteRow(md, state, rows, goal, @case, kernel);
            }
        }
        if (kernels.Count == 0)
            md.AppendLine("| (no kernel configuration was selected) | | | | | | | | |");
    }

    private static void WriteRow(StringBuilder md, RunState state, Dictionary<RowKey, Row> rows, Goal goal, string @case, BenchConfig kernel)
    {
        var k = rows[new RowKey(kernel.Name, goal.Op, goal.Pattern, goal.Size, goal.QueueDepth)];
        Row? r;
        string hint = "";
        if (goal.AgainstQemuImg)
        {
            r = Find(rows, "qemu-img", goal);
        }
        else
        {
            ulong want = Bits(k.Features) & 0xffff_ffffUL;
            r = state.Configs.Where(c => c.Kind == DriverKind.Yardstick && c.Arch == kernel.Arch)
                .Select(c => Find(rows, c.Name, goal))
                .FirstOrDefault(x => x is not null && (Bits(x.Features) & 0xffff_ffffUL) == want);
            if (r is null)
                hint = $"no yardstick row of {kernel.Arch.Name()} accepted features 0x{want:x}";
        }
        if (r is null)
        {
            md.AppendLine($"| {goal.Title} | {@case} | `{kernel.Name}` | {k.Features} | {Mib(k)} | - | - | - | not compared: {(hint.Length > 0 ? hint : "no reference row")} |");
            return;
        }
        double ratio = k.MedianMib / r.MedianMib;
        string verdict = ratio >= 1.0 ? "**met**" : "**not met**";
        if (ratio < 1.0)
        {
            var reasons = new List<string> { $"{(1 - ratio) * 100:0}% slower" };
            if (k.MaxMib >= r.MinMib)
                reasons.Add("the ranges overlap: within run-to-run noise");
            if (goal.Op == "write" && (Bits(k.Features) & 0x200) == 0)
                reasons.Add("no FLUSH accepted: every write is written through on the host, which dominates");
            verdict += " (" + string.Join("; ", reasons) + ")";
        }
        md.AppendLine(Inv, $"| {goal.Title} | {@case} | `{kernel.Name}` | {k.Features} | {Mib(k)} | {RefName(r)} | {Mib(r)} | {ratio:0.00} | {verdict} |");
    }

    private static Row? Find(Dictionary<RowKey, Row> rows, string config, Goal goal)
        => rows.TryGetValue(new RowKey(config, goal.Op, goal.Pattern, goal.Size, goal.QueueDepth), out var r) ? r : null;

    private static string RefName(Row? r) => r is null ? "-" : $"`{r.Key.Config}` ({r.Features})";

    private static string Mib(Row? r) => r is null ? "-" : string.Create(Inv, $"{r.MedianMib:0.00} ({r.MinMib:0.00}–{r.MaxMib:0.00})");

    private static ulong Bits(string features)
        => features.StartsWith("0x", StringComparison.Ordinal) && ulong.TryParse(features.AsSpan(2), NumberStyles.AllowHexSpecifier, Inv, out var v) ? v : 0;
}
