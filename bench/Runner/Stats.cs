namespace Rvc.Bench;

/// <summary>The key of a row: one configuration's case.</summary>
public sealed record RowKey(string Config, string Op, string Pattern, int Size, int QueueDepth);

/// <summary>A row of the results: the runs of one configuration's case, summarised.</summary>
public sealed record Row(RowKey Key, DriverKind Kind, string Features, int Runs, double MedianMib, double MinMib, double MaxMib,
                         double MedianIops, long MedianRequests)
{
    public static Dictionary<RowKey, Row> Summarise(IEnumerable<Sample> samples)
    {
        var rows = new Dictionary<RowKey, Row>();
        foreach (var group in samples.GroupBy(s => new RowKey(s.Config, s.Op, s.Pattern, s.Size, s.QueueDepth)))
        {
            var mib = group.Select(s => s.MibPerSecond).ToList();
            var features = string.Join(" / ", group.Select(s => s.Features).Distinct());
            rows[group.Key] = new Row(group.Key, group.First().Kind, features, mib.Count, Median(mib), mib.Min(), mib.Max(),
                Median(group.Select(s => (double)s.Iops).ToList()), (long)Median(group.Select(s => (double)s.Requests).ToList()));
        }
        return rows;
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
