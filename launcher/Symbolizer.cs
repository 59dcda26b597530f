using System.Globalization;
using System.Text.RegularExpressions;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using Rvc.Driver;

namespace Rvc.Launcher;

/// <summary>
/// Names the function an address of a kernel panic is in, from the ELF's symbol table (rvc names each compiled
/// method <c>ReturnType Namespace.Type::Method(Parameters)</c>): the kernel prints <c>panic: ... sepc=0x... ra=0x...</c>
/// and the launcher adds, on its standard error, <c>launcher: sepc 0x80204068 is in System.Int32 Kernel.Program::Main() + 0x1d1a</c>.
/// </summary>
public static partial class Symbolizer
{
    /// <summary>After a boot: on standard error, the function of each address of the last panic line (below) and the
    /// C# frames of the panic's stack from the ELF's DWARF (<see cref="StackSymbolizer"/>), as CoreCLR prints them:
    /// <c>launcher: the panic's stack, from FILE.elf's debug information:</c>, then <c>   at Program.Inner(System.Int32)
    /// in /src/Program.cs:line 10</c> per frame. Nothing without a panic.</summary>
    public static void ReportPanic(string executable, string console)
    {
        foreach (var line in DescribePanic(executable, console))
            Console.Error.WriteLine(line);
        IReadOnlyList<StackSymbolizer.Frame> frames;
        try
        {
            frames = StackSymbolizer.Describe(executable, console);
        }
        catch (ToolchainException e)
        {
            // The panic itself was reported; only its C# lines are missing.
            Console.Error.WriteLine($"launcher: no C# frames for the panic: {e.Message}");
            return;
        }
        // None known: the addresses are not this ELF's (a user program's panic on the kernel's console).
        if (frames.All(f => f.File is null))
            return;
        Console.Error.WriteLine($"launcher: the panic's stack, from {Path.GetFileName(executable)}'s debug information:");
        foreach (var frame in frames)
            Console.Error.WriteLine(frame);
    }

    [GeneratedRegex(@"\b(sepc|ra)=0x([0-9a-f]+)")]
    private static partial Regex AddressPattern();

    /// <summary>For each <c>sepc=</c>/<c>ra=</c> on the last line starting <c>panic:</c> of <paramref name="console"/>,
    /// a line naming its function; none when there is no such line or no symbol holds the address.</summary>
    public static IEnumerable<string> DescribePanic(string executable, string console)
    {
        string? panic = console.Split('\n').LastOrDefault(l => l.StartsWith("panic:", StringComparison.Ordinal));
        if (panic is null)
            return [];
        var matches = AddressPattern().Matches(panic);
        if (matches.Count == 0)
            return [];
        var functions = ReadFunctions(executable);
        var lines = new List<string>();
        foreach (Match m in matches)
        {
            ulong address = ulong.Parse(m.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (Find(functions, address) is { } f)
                lines.Add($"launcher: {m.Groups[1].Value} 0x{address:x} is in {f.Name} + 0x{address - f.Start:x}");
        }
        return lines;
    }

    private sealed record Function(string Name, ulong Start, ulong Size);

    private static List<Function> ReadFunctions(string executable)
    {
        var functions = new List<Function>();
        using var elf = ELFReader.Load(executable);
        foreach (var section in elf.Sections)
        {
            if (section is ISymbolTable table)
            {
                foreach (var symbol in table.Entries)
                {
                    if (symbol.Type == SymbolType.Function && !string.IsNullOrEmpty(symbol.Name) && symbol is SymbolEntry<ulong> s64)
                        functions.Add(new Function(s64.Name, s64.Value, s64.Size));
                    else if (symbol.Type == SymbolType.Function && !string.IsNullOrEmpty(symbol.Name) && symbol is SymbolEntry<uint> s32)
                        functions.Add(new Function(s32.Name, s32.Value, s32.Size));
                }
            }
        }
        return functions;
    }

    /// <summary>The function whose [start, start + size) holds <paramref name="address"/>.</summary>
    private static Function? Find(List<Function> functions, ulong address)
        => functions.Where(f => address >= f.Start && address < f.Start + Math.Max(f.Size, 1)).OrderBy(f => f.Size).FirstOrDefault();
}
