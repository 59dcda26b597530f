using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Rvc.Bench;

/// <summary>The runner's CSV files (runs.csv, icount.csv, host.csv) written and read with CsvHelper through a class
/// map: invariant culture, "\n" line ends, a malformed file reported as a <see cref="Rvc.Launcher.LauncherException"/>
/// naming it.</summary>
public static class CsvFile
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static void Write<T, TMap>(string path, IEnumerable<T> records)
        where TMap : ClassMap<T>
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, Configuration);
        csv.Context.RegisterClassMap<TMap>();
        csv.WriteRecords(records);
    }

    public static List<T> Read<T, TMap>(string path)
        where TMap : ClassMap<T>
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, Configuration);
        csv.Context.RegisterClassMap<TMap>();
        try
        {
            return csv.GetRecords<T>().ToList();
        }
        catch (CsvHelperException e)
        {
            throw new Rvc.Launcher.LauncherException($"{path}: {e.Message.Split('\n')[0]}");
        }
    }
}
