using System.Diagnostics;
using System.Globalization;

namespace Rvc.Bench;

/// <summary>
/// The host's side of one run (a guest's boot, or one repetition of qemu-img bench): how busy the host's CPUs were,
/// how much time the hypervisor took from this machine (steal), and how fast the host ran two fixed probes just
/// before it. A repetition far from the others with a slow probe or a busy host is the host's doing, not the
/// driver's: the figures of the same command move with the host from run to run and from day to day
/// (bench/driver-costs.md). Written to host.csv and to results.md's "The host during each run".
/// </summary>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="Busy">Share of all CPUs' time spent running anything (this run's QEMU included): user, nice, system,
/// irq and softirq over all time counted in /proc/stat.</param>
/// <param name="Steal">Share of all CPUs' time the hypervisor gave to others. 0 where the hypervisor reports none
/// (this project's Firecracker VMs report none).</param>
/// <param name="CpuProbeMs">Milliseconds for <see cref="HostProbes.CpuIterations"/> rounds of xorshift64, the median of
/// five, just before the run.</param>
/// <param name="ReadProbeUs">Microseconds per 4 KiB <c>pread</c> of a file in the page cache, the median of five
/// batches, just before the run: the system-call and copy cost QEMU's block layer pays per request.</param>
public sealed record HostRun(int Rep, string Config, double Seconds, double? Busy, double? Steal, double CpuProbeMs, double ReadProbeUs);

/// <summary>The CPU time counters of /proc/stat's first line (all CPUs together), in clock ticks.</summary>
public readonly record struct CpuTimes(long Busy, long Idle, long Steal)
{
    public long Total => Busy + Idle + Steal;

    /// <summary>The "cpu " line of /proc/stat (proc(5)): user nice system idle iowait irq softirq steal ... Guest time
    /// is already inside user and nice, so it is not added again. Null when the text has no such line.</summary>
    public static CpuTimes? Parse(string procStat)
    {
        foreach (var line in procStat.Split('\n'))
        {
            if (!line.StartsWith("cpu ", StringComparison.Ordinal))
                continue;
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(t => long.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
            long Field(int i) => i < f.Length ? f[i] : 0;
            return new CpuTimes(
                Busy: Field(0) + Field(1) + Field(2) + Field(5) + Field(6),
                Idle: Field(3) + Field(4),
                Steal: Field(7));
        }
        return null;
    }

    /// <summary>Now, from /proc/stat; null on a host without it.</summary>
    public static CpuTimes? Read()
    {
        try
        {
            return Parse(File.ReadAllText("/proc/stat"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Shares of the time between two readings: (busy, steal); null when nothing was counted.</summary>
    public static (double Busy, double Steal)? Between(CpuTimes before, CpuTimes after)
    {
        long total = after.Total - before.Total;
        return total <= 0 ? null : ((after.Busy - before.Busy) / (double)total, (after.Steal - before.Steal) / (double)total);
    }
}

/// <summary>Two fixed pieces of work timed on the host: how fast it is at this moment.</summary>
public static class HostProbes
{
    public const int CpuIterations = 5_000_000;
    public const int ReadsPerBatch = 2_000;
    private const int ReadSize = 4096;
    private const int FileSize = 1 << 20;

    /// <summary>The CPU probe's result, kept where the JIT cannot prove it unused.</summary>
    public static ulong Sink { get; private set; }

    /// <summary>The median of five timings of <see cref="CpuIterations"/> rounds of xorshift64, in milliseconds.</summary>
    public static double CpuMilliseconds()
    {
        var times = new double[5];
        ulong x = 0x9e3779b97f4a7c15UL;
        for (int t = 0; t < times.Length; t++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < CpuIterations; i++)
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }
            times[t] = clock.Elapsed.TotalMilliseconds;
        }
        Sink = x;   // observed, so the loop is not removed as dead code
        return Median(times);
    }

    /// <summary>The median over five batches of <see cref="ReadsPerBatch"/> 4 KiB reads, at offsets walking a 1 MiB
    /// file in <paramref name="directory"/> that is in the page cache, in microseconds per read.</summary>
    public static double ReadMicroseconds(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "host-probe.bin");
        File.WriteAllBytes(path, new byte[FileSize]);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            var buffer = new byte[ReadSize];
            var times = new double[5];
            for (int t = 0; t < times.Length; t++)
            {
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < ReadsPerBatch; i++)
                    RandomAccess.Read(handle, buffer, (long)i * ReadSize % FileSize);
                times[t] = clock.Elapsed.TotalMicroseconds / ReadsPerBatch;
            }
            return Median(times);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}

/// <summary>Measures the host around one run: the probes before it, /proc/stat before and after.</summary>
public sealed class HostWatch
{
    private readonly int _rep;
    private readonly string _config;
    private readonly double _cpuMs;
    private readonly double _readUs;
    private readonly CpuTimes? _before;
    private readonly Stopwatch _clock;

    private HostWatch(int rep, string config, string probeDirectory)
    {
        _rep = rep;
        _config = config;
        _cpuMs = HostProbes.CpuMilliseconds();
        _readUs = HostProbes.ReadMicroseconds(probeDirectory);
        _before = CpuTimes.Read();
        _clock = Stopwatch.StartNew();
    }

    /// <summary>Runs the probes, then starts watching: call just before the run.</summary>
    public static HostWatch Start(int rep, string config, string probeDirectory) => new(rep, config, probeDirectory);

    /// <summary>Call just after the run.</summary>
    public HostRun Stop()
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        var after = CpuTimes.Read();
        var shares = _before is { } b && after is { } a ? CpuTimes.Between(b, a) : null;
        return new HostRun(_rep, _config, seconds, shares?.Busy, shares?.Steal, _cpuMs, _readUs);
    }
}
