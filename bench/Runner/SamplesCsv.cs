using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Rvc.Bench;

/// <summary>runs.csv and icount.csv, written and read with CsvHelper: one <see cref="Sample"/> a line, under the
/// column names of the first published run (rep, config, driver, ..., kibps), so that <c>--from</c> reads any of them.</summary>
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
            ];
            for (int i = 0; i < columns.Length; i++)
            {
                var (column, member) = columns[i];
                Map(typeof(Sample), typeof(Sample).GetProperty(member)!).Name(column).Index(i);
                Parameter(member).Name(column).Index(i);
            }
        }
    }

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static void Write(string path, IEnumerable<Sample> samples)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, Configuration);
        csv.Context.RegisterClassMap<SampleMap>();
        csv.WriteRecords(samples);
    }

    public static List<Sample> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, Configuration);
        csv.Context.RegisterClassMap<SampleMap>();
        try
        {
            return csv.GetRecords<Sample>().ToList();
        }
        catch (CsvHelperException e)
        {
            throw new Rvc.Launcher.LauncherException($"{path}: {e.Message.Split('\n')[0]}");
        }
    }
}
