using System.Globalization;
using System.Text;

namespace Rvc.Bench;

/// <summary>results.md's "The host during each run": per configuration, every repetition's <see cref="HostRun"/>
/// figures in the order of the repetitions (like the throughput tables' "every run"), and the probes' range over the
/// whole run.</summary>
public static class HostReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(StringBuilder md, RunState state)
    {
        md.AppendLine("## The host during each run");
        md.AppendLine();
        if (state.HostRuns.Count == 0)
        {
            md.AppendLine("Not recorded (a run of `--from` without a host.csv beside its CSV, or a run before host.csv existed).");
            md.AppendLine();
            return;
        }

        md.AppendLine("Just before each timed run (a guest's boot, or one repetition of every qemu-img case) the runner times two");
        md.AppendLine($"fixed probes on the host: {HostProbes.CpuIterations:N0} rounds of xorshift64 (cpu probe, ms) and 4 KiB `pread`s of");
        md.AppendLine("a file in the page cache (read probe, µs per read), each the median of five. It reads /proc/stat before and after");
        md.AppendLine("the run: busy is the share of all the host's CPU time spent running anything (this run's QEMU included), steal");
        md.AppendLine("the share the hypervisor gave to others (0 where it reports none). A repetition that is slow with a slow probe");
        md.AppendLine("or a busy host says more about the host than about the driver. Every value: [host.csv](host.csv).");
        md.AppendLine();
        md.AppendLine($"Over the whole run: {Probes(state.HostRuns)}.");
        md.AppendLine();
        md.AppendLine("| config | busy, every run | steal, every run | cpu probe ms, every run | read probe µs, every run | seconds, every run |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var g in state.HostRuns.GroupBy(h => h.Config).OrderBy(g => Report.ConfigOrder(state, g.Key)))
        {
            var runs = g.OrderBy(h => h.Rep).ToList();
            md.AppendLine($"| `{g.Key}` | {Cells(runs, h => Percent(h.Busy))} | {Cells(runs, h => Percent(h.Steal))} | {Cells(runs, h => h.CpuProbeMs.ToString("0.0", Inv))} | {Cells(runs, h => h.ReadProbeUs.ToString("0.00", Inv))} | {Cells(runs, h => h.Seconds.ToString("0", Inv))} |");
        }
        md.AppendLine();
    }

    /// <summary>The probes' ranges over <paramref name="runs"/>: "cpu probe A–B ms (spread N%), read probe C–D µs (spread M%)".</summary>
    public static string Probes(IReadOnlyList<HostRun> runs)
        => $"cpu probe {Range(runs.Select(h => h.CpuProbeMs).ToList(), "0.0", "ms")}, read probe {Range(runs.Select(h => h.ReadProbeUs).ToList(), "0.00", "µs")}";

    /// <summary>"min–max unit (spread N%)", the spread being (largest - smallest) / median as in the throughput tables.</summary>
    public static string Range(IReadOnlyList<double> values, string format, string unit)
    {
        var sorted = values.Order().ToList();
        double min = sorted[0], max = sorted[^1], median = sorted[sorted.Count / 2];
        string spread = sorted.Count < 2 || median <= 0 ? "" : $" (spread {((max - min) / median * 100).ToString("0", Inv)}%)";
        return $"{min.ToString(format, Inv)}–{max.ToString(format, Inv)} {unit}{spread}";
    }

    private static string Cells(IEnumerable<HostRun> runs, Func<HostRun, string> cell) => string.Join(", ", runs.Select(cell));

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0", Inv) + "%" : "-";
}
