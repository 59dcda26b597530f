namespace Rvc.Bench;

/// <summary>The key of a row: one configuration's case.</summary>
public sealed record RowKey(string Config, string Op, string Pattern, int Size, int QueueDepth);

/// <summary>A row of the results: the runs of one configuration's case, summarised. <see cref="RunMib"/> is every
/// run in the order of the repetitions, so that the tables show the spread and not only a median;
/// <see cref="Spread"/> is (max - min) / median. The per-request counters are medians over the runs that had them (instructions: over the -icount boots).</summary>
public sealed record Row(RowKey Key, DriverKind Kind, string Features, int Runs, double MedianMib, double MinMib, double MaxMib,
                         double MedianIops, long MedianRequests, IReadOnlyList<double> RunMib,
                         double? NotifiesPerRequest, double? IrqsPerRequest, double? InsnsPerRequest)
{
    public double Spread => MedianMib > 0 ? (MaxMib - MinMib) / MedianMib : double.NaN;

    /// <summary>The rows of <paramref name="samples"/>; the instructions per request come from the <c>-icount</c> boots'
    /// samples of the same case when given (instret counts instructions only under -icount).</summary>
    public static Dictionary<RowKey, Row> Summarise(IEnumerable<Sample> samples, IEnumerable<Sample>? icountSamples = null)
    {
        var icount = (icountSamples ?? []).ToLookup(s => new RowKey(s.Config, s.Op, s.Pattern, s.Size, s.QueueDepth));
        var rows = new Dictionary<RowKey, Row>();
        foreach (var group in samples.GroupBy(s => new RowKey(s.Config, s.Op, s.Pattern, s.Size, s.QueueDepth)))
        {
            var runs = group.OrderBy(s => s.Rep).ToList();
            var mib = runs.Select(s => s.MibPerSecond).ToList();
            var features = string.Join(" / ", runs.Select(s => s.Features).Distinct());
            rows[group.Key] = new Row(group.Key, runs[0].Kind, features, mib.Count, Median(mib), mib.Min(), mib.Max(),
                Median(runs.Select(s => (double)s.Iops).ToList()), (long)Median(runs.Select(s => (double)s.Requests).ToList()), mib,
                PerRequest(runs, s => s.Notifies), PerRequest(runs, s => s.Irqs),
                icount.Contains(group.Key) ? PerRequest(icount[group.Key], s => s.Insns) : PerRequest(runs, s => s.Insns));
        }
        return rows;
    }

    /// <summary>The median over the runs of a counter divided by the run's requests; null when no run has it.</summary>
    private static double? PerRequest(IEnumerable<Sample> runs, Func<Sample, long?> counter)
    {
        var values = runs.Where(s => counter(s) is not null && s.Requests > 0).Select(s => (double)counter(s)!.Value / s.Requests).ToList();
        return values.Count == 0 ? null : Median(values);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.OrderBy(v => v).ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>How the tables (results.md and the terminal) write a row's runs, spread and counters.</summary>
public static class RowText
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>Every run's MiB/s in the order of the repetitions: <c>812.5, 790.1, 845.0</c>.</summary>
    public static string Runs(Row row) => string.Join(", ", row.RunMib.Select(m => m.ToString("0.0", Inv)));

    /// <summary>(max - min) / median as a percentage: <c>6.9%</c>; <c>-</c> for a single run or a zero median.</summary>
    public static string Spread(Row row) => row.Runs < 2 || double.IsNaN(row.Spread) ? "-" : (row.Spread * 100).ToString("0.0", Inv) + "%";

    /// <summary>A per-request counter: two decimals below 10 (notifications, interrupts), whole above (instructions).</summary>
    public static string PerRequest(double? value) => value is not { } v ? "-" : v.ToString(v < 10 ? "0.00" : "0", Inv);
}
