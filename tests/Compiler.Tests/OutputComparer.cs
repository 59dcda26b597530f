using System.Text;

namespace Rvc.Compiler.Tests;

/// <summary>The comparison rule between CoreCLR and rvc.</summary>
/// <remarks>
/// stdout must equal CoreCLR's byte for byte and the exit status must be CoreCLR's (modulo 256, as Linux and
/// QEMU's sifive_test report it). When CoreCLR died of an unhandled exception <c>T</c> with message <c>M</c>
/// (exit status 134), our stdout must be CoreCLR's followed by the line <c>panic: T: M</c> and the status 134; the
/// stack printed after that line (<c>   at 0x...</c>) is left out of the comparison.
/// On the host the panic line may instead be the last line of stderr.
/// </remarks>
internal static partial class OutputComparer
{
    /// <summary>Returns null when <paramref name="actual"/> matches <paramref name="expected"/>, else an explanation.</summary>
    public static string? Compare(ReferenceResult expected, ProcessResult actual, string arch)
    {
        var problems = new StringBuilder();
        if (actual.TimedOut)
        {
            problems.AppendLine($"timed out after {NativeRunner.RunTimeout.TotalSeconds} s");
        }

        byte[] want = expected.Stdout;
        byte[] got = actual.Stdout;
        if (expected.PanicLine is { } panic)
        {
            got = WithoutStack(got, panic);
            byte[] withPanic = [.. want, .. Encoding.UTF8.GetBytes(panic + "\n")];
            if (got.AsSpan().SequenceEqual(withPanic.AsSpan(0, withPanic.Length - 1)))
            {
                got = withPanic; // the panic line without its final newline is fine
            }

            bool panicOnStderr = arch == "host" && got.AsSpan().SequenceEqual(want)
                && LastLine(actual.Stderr) == panic;
            if (!panicOnStderr)
            {
                want = withPanic;
            }
        }

        if (!got.AsSpan().SequenceEqual(want))
        {
            problems.AppendLine(DescribeDifference(want, got));
        }

        int wantStatus = expected.ExitCode & 0xFF;
        int gotStatus = actual.ExitCode & 0xFF;
        if (!actual.TimedOut && wantStatus != gotStatus)
        {
            problems.AppendLine($"exit status: expected {wantStatus}, got {gotStatus}");
        }

        if (problems.Length == 0)
        {
            return null;
        }

        if (actual.Stderr.Length > 0)
        {
            problems.AppendLine("stderr:").AppendLine(Truncate(actual.Stderr, 2000));
        }

        return problems.ToString();
    }

    /// <summary><paramref name="stdout"/> without the stack printed after its <paramref name="panic"/> line (<c>   at 0x...</c>
    /// lines, docs/abi.md "Stack traces"): CoreCLR's goes to stderr, and what it says is PanicStackTests' to check.</summary>
    public static byte[] WithoutStack(byte[] stdout, string panic)
    {
        string text = Encoding.UTF8.GetString(stdout);
        int start = text.LastIndexOf(panic + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return stdout;
        }

        int end = start + panic.Length + 1;
        bool onlyFrames = text[end..].Split('\n').All(l => l.Length == 0 || StackLine().IsMatch(l));
        return onlyFrames ? Encoding.UTF8.GetBytes(text[..end]) : stdout;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^   at 0x[0-9a-f]+\r?$")]
    private static partial System.Text.RegularExpressions.Regex StackLine();

    public static string DescribeDifference(byte[] want, byte[] got)
    {
        int common = 0;
        while (common < want.Length && common < got.Length && want[common] == got[common])
        {
            common++;
        }

        int lineStart = want.AsSpan(0, common).LastIndexOf((byte)'\n') + 1;
        int line = want.AsSpan(0, lineStart).Count((byte)'\n') + 1;
        return new StringBuilder()
            .AppendLine($"stdout differs at byte {common} (line {line}): expected {want.Length} bytes, got {got.Length}")
            .AppendLine($"  expected from that line: {Escape(want.AsSpan(lineStart))}")
            .AppendLine($"  actual from that line:   {Escape(got.AsSpan(Math.Min(lineStart, got.Length)))}")
            .AppendLine("expected stdout:")
            .AppendLine(Truncate(Encoding.UTF8.GetString(want), 4000))
            .AppendLine("actual stdout:")
            .Append(Truncate(Encoding.UTF8.GetString(got), 4000))
            .ToString();
    }

    private static string? LastLine(string text)
    {
        string[] lines = text.TrimEnd('\n', '\r').Split('\n');
        return lines.Length == 0 ? null : lines[^1].TrimEnd('\r');
    }

    private static string Escape(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 160)]))
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return sb.Append(bytes.Length > 160 ? "\"…" : "\"").ToString();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
