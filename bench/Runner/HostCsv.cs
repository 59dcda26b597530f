using CsvHelper.Configuration;

namespace Rvc.Bench;

/// <summary>host.csv, beside runs.csv: one <see cref="HostRun"/> a line (rep, config, seconds, busy, steal,
/// cpu_probe_ms, read_probe_us), written and read with CsvHelper; <c>--from</c> reads it when it is there.</summary>
public static class HostCsv
{
    private sealed class HostRunMap : ClassMap<HostRun>
    {
        public HostRunMap()
        {
            (string Column, string Member)[] columns =
            [
                ("rep", nameof(HostRun.Rep)), ("config", nameof(HostRun.Config)), ("seconds", nameof(HostRun.Seconds)),
                ("busy", nameof(HostRun.Busy)), ("steal", nameof(HostRun.Steal)),
                ("cpu_probe_ms", nameof(HostRun.CpuProbeMs)), ("read_probe_us", nameof(HostRun.ReadProbeUs)),
            ];
            for (int i = 0; i < columns.Length; i++)
            {
                var (column, member) = columns[i];
                Map(typeof(HostRun), typeof(HostRun).GetProperty(member)!).Name(column).Index(i);
                Parameter(member).Name(column).Index(i);
            }
        }
    }

    public static void Write(string path, IEnumerable<HostRun> records) => CsvFile.Write<HostRun, HostRunMap>(path, records);

    public static List<HostRun> Read(string path) => CsvFile.Read<HostRun, HostRunMap>(path);
}
