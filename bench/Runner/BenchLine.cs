using System.Globalization;

namespace Rvc.Bench;

/// <summary>
/// One result line of a guest (bench/README.md, "The bench line"):
/// <c>bench: arch=rv64 transport=legacy completion=poll features=0x200 op=read pattern=seq size=4096 qd=16 n=8192 ticks=... iops=... kibps=...</c>.
/// Keys may come in any order; unknown keys are kept in <see cref="Extra"/>.
/// </summary>
public sealed record BenchLine(
    string Arch, string Transport, string Completion, ulong Features, string Op, string Pattern,
    int Size, int QueueDepth, long Requests, long Ticks, long Iops, long KibPerSecond,
    IReadOnlyDictionary<string, string> Extra)
{
    public const string Prefix = "bench: ";
    public const string Done = "bench: done";
    public const string ErrorPrefix = "bench: error:";

    /// <summary>Megabytes (MiB) per second, from kibps.</summary>
    public double MibPerSecond => KibPerSecond / 1024.0;

    private static readonly string[] Required = ["arch", "transport", "completion", "features", "op", "pattern", "size", "qd", "n", "ticks", "iops", "kibps"];

    /// <summary>The result in <paramref name="line"/>, or null when it is not a result line (<c>bench: done</c>, an
    /// error, anything else). A line that starts like a result but lacks a key or has a bad value throws.</summary>
    public static BenchLine? TryParse(string line)
    {
        line = line.TrimEnd('\r');
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = token.IndexOf('=');
            if (eq <= 0)
                return null; // "bench: done", "bench: error: ...", notes
            fields[token[..eq]] = token[(eq + 1)..];
        }
        if (!fields.ContainsKey("arch") || !fields.ContainsKey("op"))
            return null;
        foreach (var key in Required)
        {
            if (!fields.ContainsKey(key))
                throw new FormatException($"bench line without {key}=: {line}");
        }
        var extra = fields.Where(f => !Required.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return new BenchLine(
            fields["arch"], fields["transport"], fields["completion"], ParseHex(fields["features"], line),
            fields["op"], fields["pattern"], (int)ParseInt(fields["size"], line), (int)ParseInt(fields["qd"], line),
            ParseInt(fields["n"], line), ParseInt(fields["ticks"], line), ParseInt(fields["iops"], line), ParseInt(fields["kibps"], line),
            extra);
    }

    private static long ParseInt(string text, string line)
        => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"bad number '{text}' in: {line}");

    private static ulong ParseHex(string text, string line)
        => text.StartsWith("0x", StringComparison.Ordinal) && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            ? v : throw new FormatException($"bad features '{text}' in: {line}");
}
