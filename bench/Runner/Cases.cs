namespace Rvc.Bench;

/// <summary>The cases of issue 6, in the order the guests run them (bench/README.md): op, pattern, size, queue depth.</summary>
public static class Cases
{
    public static readonly string[] Ops = ["read", "write"];
    public static readonly string[] Patterns = ["seq", "rand"];
    public static readonly int[] Sizes = [512, 4096, 65536];
    public static readonly int[] Depths = [1, 4, 16, 64];

    public static int Count => Ops.Length * Patterns.Length * Sizes.Length * Depths.Length;
}

/// <summary>One measurement: a bench line of one boot, or one qemu-img bench run. <see cref="Features"/> is the
/// accepted feature bits in hex for a guest, the cache mode for qemu-img. <see cref="Notifies"/>, <see cref="Irqs"/>
/// and <see cref="Insns"/> are the bench line's optional counters over the case (driver-costs.md), null where the
/// guest did not print them.</summary>
public sealed record Sample(
    int Rep, string Config, DriverKind Kind, string Arch, string Transport, string Completion, string Features,
    string Op, string Pattern, int Size, int QueueDepth, long Requests, long Ticks, long Iops, long KibPerSecond,
    long? Notifies = null, long? Irqs = null, long? Insns = null)
{
    public double MibPerSecond => KibPerSecond / 1024.0;

    public static Sample From(int rep, BenchConfig config, BenchLine line) => new(
        rep, config.Name, config.Kind, line.Arch, line.Transport, line.Completion, $"0x{line.Features:x}",
        line.Op, line.Pattern, line.Size, line.QueueDepth, line.Requests, line.Ticks, line.Iops, line.KibPerSecond,
        Counter(line, "notifies"), Counter(line, "irqs"), Counter(line, "insns"));

    /// <summary>An extra key of the bench line as a count; null when absent or not a whole number.</summary>
    private static long? Counter(BenchLine line, string key)
        => line.Extra.TryGetValue(key, out var text) && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : null;
}
