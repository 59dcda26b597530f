using System.Text;
using System.Text.RegularExpressions;

namespace Rvc.Compiler.Tests;

/// <summary>The reference output of a pointer-size dependent corpus program (<c>ptrsize_*.cs</c>) on rv32, where
/// CoreCLR, a 64-bit runtime here, is none.</summary>
/// <remarks>
/// Two sources, neither of them rvc:
/// <list type="number">
/// <item>The program with every <c>nint</c> and <c>nuint</c> replaced by <c>int</c> and <c>uint</c> (as whole
/// words), run on CoreCLR: 32-bit native-integer arithmetic, wrap-around, truncating conversions and overflow
/// checks, including an unhandled exception and its exit status. This gives every line and the exit status.</item>
/// <item>If <c>NAME.rv32.c</c> exists beside the program: the numbers it defines for riscv32 with clang-19
/// (<see cref="ClangValues"/>), as <c>char lineN[VALUE + 1]</c>, replace line N of that output. These are the
/// lines that depend on the size of pointers in other ways than through nint (sizeof of pointers, layouts of
/// structs with pointer fields, <c>IntPtr.Size</c>).</item>
/// </list>
/// </remarks>
internal static partial class Rv32Reference
{
    /// <summary>The file of line overrides for <paramref name="sourceFile"/>: <c>NAME.rv32.c</c> beside it.</summary>
    public static string OverridesFile(string sourceFile) => Path.ChangeExtension(sourceFile, ".rv32.c");

    public static async Task<ReferenceResult> GetAsync(string sourceFile)
    {
        string intProgram = WriteIntProgram(sourceFile);
        var reference = await CoreClrReference.GetAsync(intProgram);
        string overrides = OverridesFile(sourceFile);
        if (!reference.Compiled || !File.Exists(overrides))
        {
            return reference;
        }

        var values = await ClangValues.GetAsync(overrides, "rv32");
        var lines = Encoding.UTF8.GetString(reference.Stdout).Split('\n').ToList();
        int count = lines.Count - (lines[^1].Length == 0 ? 1 : 0);
        foreach (var (key, value) in values)
        {
            var match = LineKey().Match(key);
            if (!match.Success)
            {
                throw new InvalidOperationException($"{overrides} defines {key}; its values must be named lineN (N from 1)");
            }

            int line = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (line < 1 || line > count)
            {
                throw new InvalidOperationException(
                    $"{overrides} defines {key}, but {Path.GetFileName(sourceFile)} prints {count} lines with nint as int on CoreCLR");
            }

            lines[line - 1] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return reference with { Stdout = Encoding.UTF8.GetBytes(string.Join('\n', lines)) };
    }

    /// <summary>Writes the program with nint/nuint as int/uint under the test output (same file name, so that
    /// CoreCLR's messages and the cache name match) and returns its path.</summary>
    private static string WriteIntProgram(string sourceFile)
    {
        string text = NativeInteger().Replace(File.ReadAllText(sourceFile), m => m.Value == "nint" ? "int" : "uint");
        string path = Path.Combine(RepoPaths.Work("rv32-reference"), Path.GetFileName(sourceFile));
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            string temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }

        return path;
    }

    [GeneratedRegex(@"\bn(?:u)?int\b")]
    private static partial Regex NativeInteger();

    [GeneratedRegex(@"^line(?<n>[0-9]+)$")]
    private static partial Regex LineKey();
}
