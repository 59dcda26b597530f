using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Rvc.Compiler.Tests;

/// <summary>Layout tests: the size, the alignment and every field offset of the layout-heavy structs of
/// <c>tests/Layout/layouts.cs</c> (sequential with mixed widths, Pack, Size, explicit unions, nesting, fixed
/// buffers, inline arrays, enums, pointers, generic instantiations, empty structs), with an independent
/// reference on every target.</summary>
/// <remarks>
/// <c>layouts.cs</c> prints <c>Name size=N align=A</c> per struct and <c>Name.Field offset=N</c> per field;
/// <c>tests/Layout/layouts.c</c> defines the same structs in C and, for each of those lines, the numbers as
/// <see cref="ClangValues"/> (key <c>Name__size</c>, <c>Name__align</c>, <c>Name__Field</c>: the name with '.'
/// spelled <c>__</c>).
/// <list type="bullet">
/// <item><see cref="CTranslationMatchesCoreClr"/>: clang's layout of the C file for x86_64 (host) and riscv64
/// gives CoreCLR's output exactly. This checks the C translation, so that its riscv32 layout can be trusted.</item>
/// <item><see cref="MatchesReference"/>: rvc's output on the host and rv64 is CoreCLR's; on rv32 it is CoreCLR's
/// lines with every number taken from clang's riscv32 layout of the C file (4-byte pointers, 8-byte fields
/// aligned to 8, as the RISC-V psABI and CoreCLR on 32-bit ARM do).</item>
/// </list>
/// </remarks>
[TestCaseOrderer(DataRowOrderer.TypeName, DataRowOrderer.AssemblyName)]
public sealed partial class LayoutTests(ITestOutputHelper output)
{
    private static readonly string Program = Path.Combine(RepoPaths.Layout, "layouts.cs");

    private static readonly string CTranslation = Path.Combine(RepoPaths.Layout, "layouts.c");

    private static readonly Prefetcher<string, (NativeResult Native, string WorkDir)> Runs = new(NativeRunner.Arches, Execute);

    public static TheoryData<string> Arches() => new(NativeRunner.Arches);

    public static TheoryData<string> SixtyFourBitArches() => new("host", "rv64");

    [Theory]
    [MemberData(nameof(SixtyFourBitArches))]
    public async Task CTranslationMatchesCoreClr(string arch)
    {
        string coreClr = await CoreClrOutput();
        string clang = await ClangOutput(coreClr, arch);
        string? difference = LineDifference(coreClr, clang);
        Assert.True(difference is null, $"clang's {arch} layout of {CTranslation} differs from CoreCLR's output of {Program}:\n{difference}");
    }

    [Theory]
    [MemberData(nameof(Arches))]
    public async Task MatchesReference(string arch)
    {
        string coreClr = await CoreClrOutput();
        string expected = arch == "rv32" ? await ClangOutput(coreClr, arch) : coreClr;
        string referenceName = arch == "rv32" ? "clang's riscv32 layout of layouts.c" : "CoreCLR";
        var (native, workDir) = await Runs.GetAsync(arch);
        output.WriteLine($"layouts.cs on {arch}: work folder {workDir}");
        Assert.True(native.Built, $"rvc failed to build {Program} for {arch}:\n{string.Join('\n', native.Build.Diagnostics)}");
        var run = native.Run!;
        string actual = Encoding.UTF8.GetString(run.Stdout);
        output.WriteLine($"exit status {run.ExitCode}; expected ({referenceName}):");
        output.WriteLine(expected);
        Assert.False(run.TimedOut, $"layouts.cs timed out on {arch} (work folder {workDir})");
        string? difference = LineDifference(expected, actual);
        Assert.True(difference is null, $"rvc's layouts on {arch} differ from {referenceName} (work folder {workDir}):\n{difference}\nstderr:\n{run.Stderr}");
        Assert.True(run.ExitCode == 0, $"layouts.cs exited with status {run.ExitCode} on {arch} (work folder {workDir})\nstderr:\n{run.Stderr}");
        TryDelete(workDir);
    }

    private static (NativeResult Native, string WorkDir) Execute(string arch)
    {
        string workDir = RepoPaths.UniqueDirectory("native", $"layouts.{arch}");
        return (NativeRunner.BuildAndRun(Program, arch, workDir), workDir);
    }

    private static async Task<string> CoreClrOutput()
    {
        var reference = await CoreClrReference.GetAsync(Program);
        Assert.True(reference.Compiled, $"{Program} does not compile on CoreCLR:\n{string.Join('\n', reference.CompileErrors)}");
        Assert.True(reference.ExitCode == 0 && !reference.TimedOut, $"{Program} failed on CoreCLR (exit status {reference.ExitCode}):\n{reference.Stderr}");
        return Encoding.UTF8.GetString(reference.Stdout);
    }

    /// <summary>CoreCLR's output with every number replaced by clang's for <paramref name="arch"/>. Every line must
    /// have its values in the C file, and every value of the C file must be used.</summary>
    private static async Task<string> ClangOutput(string coreClr, string arch)
    {
        var values = await ClangValues.GetAsync(CTranslation, arch);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var result = new StringBuilder();

        long Value(string name, string suffix)
        {
            string key = name.Replace(".", "__", StringComparison.Ordinal) + suffix;
            used.Add(key);
            if (values.TryGetValue(key, out long value))
            {
                return value;
            }

            problems.Add($"{CTranslation} defines no {key}");
            return -1;
        }

        foreach (string line in Lines(coreClr))
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                string name = type.Groups["name"].Value;
                result.Append($"{name} size={Value(name, "__size")} align={Value(name, "__align")}\n");
            }
            else if (FieldLine().Match(line) is { Success: true } field)
            {
                string name = field.Groups["name"].Value;
                result.Append($"{name} offset={Value(name, "")}\n");
            }
            else
            {
                problems.Add($"unexpected line in CoreCLR's output of {Program}: {line}");
            }
        }

        problems.AddRange(values.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal)
            .Select(k => $"{CTranslation} defines {k}, which is no line of {Program}"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        return result.ToString();
    }

    /// <summary>Null when the texts are equal, else each differing line.</summary>
    internal static string? LineDifference(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var want = Lines(expected);
        var got = Lines(actual);
        var report = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.Max(want.Length, got.Length) && shown < 60; i++)
        {
            string? w = i < want.Length ? want[i] : null;
            string? g = i < got.Length ? got[i] : null;
            if (w != g)
            {
                report.AppendLine($"line {i + 1}: expected {w ?? "(nothing)"}, got {g ?? "(nothing)"}");
                shown++;
            }
        }

        if (report.Length == 0)
        {
            report.AppendLine("the texts differ only in line endings or a final newline");
        }

        return report.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_.]+) size=[0-9]+ align=[0-9]+$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_.]+) offset=[0-9]+$")]
    private static partial Regex FieldLine();
}
