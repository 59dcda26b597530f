using CliWrap;
using CliWrap.Buffered;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>
/// <c>qemu-img bench</c>: QEMU's block layer alone, no guest, on a fresh sparse image like the guests'. Sequential only
/// (qemu-img bench has no random pattern). Raw format, aio=threads and cache=writeback, QEMU's defaults for the guests'
/// <c>-drive</c>; writes are also measured with cache=writethrough, what a guest that accepts no FLUSH gets.
/// The request count is scaled until a run takes at least <see cref="MinSeconds"/>.
/// </summary>
public static partial class QemuImgBench
{
    public const double MinSeconds = 0.25;
    public const int StartCount = 256;
    public const int MaxCount = 1 << 22;

    /// <summary>The rows of one repetition: every size and depth, read and write (writeback), write (writethrough).</summary>
    public static List<Sample> RunAll(string imageDirectory, int rep, double targetSeconds, Action<string> progress)
    {
        var samples = new List<Sample>();
        foreach (var (op, cache) in new[] { ("read", "writeback"), ("write", "writeback"), ("write", "writethrough") })
        {
            foreach (int size in Cases.Sizes)
            {
                foreach (int qd in Cases.Depths)
                {
                    var (count, seconds) = Measure(imageDirectory, op, cache, size, qd, targetSeconds);
                    double iops = count / seconds;
                    var config = cache == "writeback" ? "qemu-img" : "qemu-img-writethrough";
                    samples.Add(new Sample(rep, config, DriverKind.QemuImg, "host", "-", "-", cache == "writeback" ? "cache=writeback" : "cache=writethrough",
                        op, "seq", size, qd, count, 0, (long)iops, (long)(iops * size / 1024)));
                }
            }
            progress($"qemu-img bench {op} cache={cache} done");
        }
        return samples;
    }

    private static (long Count, double Seconds) Measure(string imageDirectory, string op, string cache, int size, int qd, double targetSeconds)
    {
        long count = StartCount;
        while (true)
        {
            var image = FreshImage.Create(imageDirectory, "qemu-img-bench.img");
            double seconds = RunOnce(image, op, cache, size, qd, count);
            File.Delete(image);
            if (seconds >= Math.Clamp(targetSeconds / 2, 0.01, MinSeconds) || count >= MaxCount)
                return (count, Math.Max(seconds, 0.0005));
            double factor = seconds <= 0 ? 64 : Math.Min(64, Math.Ceiling(targetSeconds / seconds));
            count = Math.Min(MaxCount, (long)(count * Math.Max(2, factor)));
        }
    }

    public static List<string> Arguments(string image, string op, string cache, int size, int qd, long count)
    {
        var args = new List<string>
        {
            "bench", "-f", "raw", "-i", "threads", "-t", cache,
            "-c", count.ToString(CultureInfo.InvariantCulture), "-d", qd.ToString(CultureInfo.InvariantCulture),
            "-s", size.ToString(CultureInfo.InvariantCulture),
        };
        if (op == "write")
            args.Add("-w");
        args.Add(image);
        return args;
    }

    private static double RunOnce(string image, string op, string cache, int size, int qd, long count)
    {
        var arguments = Arguments(image, op, cache, size, qd, count);
        var result = Cli.Wrap("qemu-img").WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        var match = Completed().Match(result.StandardOutput);
        if (result.ExitCode != 0 || !match.Success)
            throw new LauncherException($"qemu-img {string.Join(' ', arguments)} failed (exit {result.ExitCode}): {result.StandardOutput}{result.StandardError}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Run completed in ([0-9.]+) seconds")]
    private static partial Regex Completed();
}
