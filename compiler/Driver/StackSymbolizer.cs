using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace Rvc.Driver;

/// <summary>
/// Turns the stack a panic prints (<c>panic: ...</c>, then one <c>   at 0x80201234</c> line per return address,
/// docs/abi.md "Stack traces") into C# frames, as CoreCLR prints a stack trace:
/// <c>   at Program.Inner(System.Int32) in /src/Program.cs:line 10</c>. The names, files and lines come from the ELF's
/// DWARF through <c>llvm-symbolizer-19</c>, which also lists the methods inlined at an address (each its own frame,
/// innermost first), so an -O2 build shows the same C# frames as an -O0 one.
/// </summary>
public static partial class StackSymbolizer
{
    public const string Tool = "llvm-symbolizer-19";

    /// <summary>One C# frame: the method (CoreCLR's form) and, when the DWARF has them, its file and line.</summary>
    public sealed record Frame(string Method, string? File, int Line)
    {
        public override string ToString() => File is null ? $"   at {Method}" : $"   at {Method} in {File}:line {Line}";
    }

    [GeneratedRegex(@"^   at 0x(?<address>[0-9a-f]+)$")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"\bsepc=0x(?<address>[0-9a-f]+)")]
    private static partial Regex TrapPc();

    /// <summary>The addresses of the last panic of <paramref name="console"/>: the trapping pc when the panic line
    /// names one (<c>sepc=0x...</c>, the kernel's trap panic), then the return addresses on the lines after it.
    /// Empty when there is no panic.</summary>
    public static (ulong? Pc, IReadOnlyList<ulong> ReturnAddresses) PanicAddresses(string console)
    {
        string[] lines = console.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int panic = Array.FindLastIndex(lines, l => l.StartsWith("panic:", StringComparison.Ordinal));
        if (panic < 0)
            return (null, []);
        ulong? pc = TrapPc().Match(lines[panic]) is { Success: true } m ? Hex(m.Groups["address"].Value) : null;
        var returns = new List<ulong>();
        for (int i = panic + 1; i < lines.Length && FrameLine().Match(lines[i]) is { Success: true } f; i++)
            returns.Add(Hex(f.Groups["address"].Value));
        return (pc, returns);
    }

    /// <summary>The C# frames of the last panic in <paramref name="console"/>, innermost first; empty when there is no
    /// panic or it printed no stack. Throws <see cref="ToolchainException"/> when llvm-symbolizer-19 is missing.</summary>
    public static IReadOnlyList<Frame> Describe(string executable, string console)
    {
        var (pc, returns) = PanicAddresses(console);
        // A return address is the instruction after the call: the call itself is the byte before it. A trapping pc
        // is the instruction itself.
        var addresses = new List<ulong>();
        if (pc is ulong p)
            addresses.Add(p);
        addresses.AddRange(returns.Select(a => a - 1));
        return addresses.Count == 0 ? [] : Symbolize(executable, addresses);
    }

    /// <summary>The frames at each address (the inlined ones first), in order.</summary>
    public static IReadOnlyList<Frame> Symbolize(string executable, IReadOnlyList<ulong> addresses)
    {
        if (NativeToolchain.FindOnPath(Tool) is null)
            throw new ToolchainException($"{Tool} not found: install it with 'sudo apt-get install -y --no-install-recommends llvm-19'");
        string input = string.Concat(addresses.Select(a => $"0x{a:x}\n"));
        var result = Cli.Wrap(Tool)
            .WithArguments(["--obj", Path.GetFullPath(executable), "--output-style=JSON", "--inlining", "--functions=linkage"])
            .WithStandardInputPipe(PipeSource.FromString(input))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        if (result.ExitCode != 0)
            throw new ToolchainException($"{Tool} failed (exit {result.ExitCode}): {result.StandardError}");

        var frames = new List<Frame>();
        // One JSON object per address, one per line: {"Address": ..., "Symbol": [innermost inlined frame first, ...]}.
        foreach (string line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            if (!document.RootElement.TryGetProperty("Symbol", out var symbols))
                continue;
            foreach (var symbol in symbols.EnumerateArray())
            {
                string function = symbol.GetProperty("FunctionName").GetString() ?? "";
                string file = symbol.GetProperty("FileName").GetString() ?? "";
                int lineNumber = symbol.GetProperty("Line").GetInt32();
                // The boot code and rvc_managed_entry are not C# methods, as CoreCLR's host frames are not in its traces.
                if (function.Length > 0 && !function.Contains("::", StringComparison.Ordinal))
                    continue;
                frames.Add(new Frame(function.Length == 0 ? "??" : MethodName(function), file.Length == 0 || lineNumber == 0 ? null : file, lineNumber));
            }
        }
        return frames;
    }

    /// <summary>CoreCLR's form of a method's symbol: rvc names a method <c>System.Void Ns.Type/Nested::Method(System.Int32)</c>
    /// (Cecil's full name); a stack trace says <c>Ns.Type+Nested.Method(System.Int32)</c>. Other symbols (the boot
    /// code's <c>_start</c>) stay as they are.</summary>
    public static string MethodName(string symbol)
    {
        int separator = symbol.IndexOf("::", StringComparison.Ordinal);
        if (separator < 0)
            return symbol;
        int space = symbol.LastIndexOf(' ', separator);
        string type = symbol[(space + 1)..separator].Replace('/', '+');
        return type + "." + symbol[(separator + 2)..];
    }

    static ulong Hex(string digits) => ulong.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
