using CsvHelper.Configuration;

namespace Rvc.Bench;

/// <summary>runs.csv and icount.csv, written and read with CsvHelper: one <see cref="Sample"/> a line, under the
/// column names of the first published run (rep, config, driver, ..., kibps, then the optional counters notifies, irqs, insns), so that <c>--from</c> reads any of them.</summary>
public static class SamplesCsv
{
    private sealed class SampleMap : ClassMap<Sample>
    {
        public SampleMap()
        {
            // Written from the properties, read through the constructor: a Sample is a positional record.
            (string Column, string Member)[] columns =
            [
                ("rep", nameof(Sample.Rep)), ("config", nameof(Sample.Config)), ("driver", nameof(Sample.Kind)), ("arch", nameof(Sample.Arch)),
                ("transport", nameof(Sample.Transport)), ("completion", nameof(Sample.Completion)), ("features", nameof(Sample.Features)),
                ("op", nameof(Sample.Op)), ("pattern", nameof(Sample.Pattern)), ("size", nameof(Sample.Size)), ("qd", nameof(Sample.QueueDepth)),
                ("n", nameof(Sample.Requests)), ("ticks", nameof(Sample.Ticks)), ("iops", nameof(Sample.Iops)), ("kibps", nameof(Sample.KibPerSecond)),
                ("notifies", nameof(Sample.Notifies)), ("irqs", nameof(Sample.Irqs)), ("insns", nameof(Sample.Insns)),
            ];
            // The counters came later: a CSV of an earlier run has no such columns, and its samples get null.
            int firstOptional = columns.Length - 3;
            for (int i = 0; i < columns.Length; i++)
            {
                var (column, member) = columns[i];
                var map = Map(typeof(Sample), typeof(Sample).GetProperty(member)!).Name(column).Index(i);
                var parameter = Parameter(member).Name(column).Index(i);
                if (i >= firstOptional)
                {
                    map.Optional();
                    parameter.Optional();
                }
            }
        }
    }

    public static void Write(string path, IEnumerable<Sample> records) => CsvFile.Write<Sample, SampleMap>(path, records);

    public static List<Sample> Read(string path) => CsvFile.Read<Sample, SampleMap>(path);

    /// <summary>The <c>--icount</c> boots' samples written with <paramref name="runsCsv"/>: icount.csv in the same
    /// directory, none when the run had no <c>--icount</c>. <c>--from</c> reads them, so that a rewritten results.md
    /// keeps its instructions per request.</summary>
    public static List<Sample> ReadIcountBeside(string runsCsv)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(runsCsv))!, "icount.csv");
        return File.Exists(path) ? Read(path) : [];
    }
}
