using Xunit.Abstractions;

namespace Rvc.Compiler.Tests;

/// <summary>The differential tests: every corpus program, compiled by rvc for each target, must print what it
/// prints on CoreCLR and exit with the same status (see <see cref="OutputComparer"/>).</summary>
[TestCaseOrderer(DataRowOrderer.TypeName, DataRowOrderer.AssemblyName)]
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>Programs whose layout or output depends on the pointer size: on rv32 their reference is not
    /// CoreCLR's (64-bit) output but the one <see cref="Rv32Reference"/> derives.</summary>
    public const string PointerSizePrefix = "ptrsize_";

    private static readonly IReadOnlyList<(string Program, string Arch)> Order =
        RepoPaths.CorpusFiles.SelectMany(f => NativeRunner.CorpusTargetsOf(f).Select(a => (f, a))).ToArray();

    private static readonly Prefetcher<(string Program, string Arch), Outcome> Runs = new(Order, Execute);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (program, arch) in Order)
        {
            data.Add(program, arch);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MatchesCoreClr(string program, string arch)
    {
        var outcome = await Runs.GetAsync((program, arch));
        var reference = outcome.Reference;
        bool rv32Reference = UsesRv32Reference(program, arch);
        string referenceName = rv32Reference ? "its rv32 reference (CoreCLR with nint as int, layouts from clang: see Rv32Reference)" : "CoreCLR";
        Assert.True(reference.Compiled, $"{program} does not compile on CoreCLR{(rv32Reference ? " with nint as int" : "")}:\n{string.Join('\n', reference.CompileErrors)}");
        Assert.False(reference.TimedOut, $"{program} timed out on CoreCLR");

        var native = outcome.Native;
        output.WriteLine($"{program} on {arch}: work folder {outcome.WorkDir}");
        foreach (string diagnostic in native.Build.Diagnostics)
        {
            output.WriteLine(diagnostic);
        }

        Assert.True(native.Built, $"rvc failed to build {program} for {arch}:\n{string.Join('\n', native.Build.Diagnostics)}");
        var run = native.Run!;
        output.WriteLine($"exit status {run.ExitCode}, {run.Elapsed.TotalSeconds:F2} s; stdout:");
        output.WriteLine(System.Text.Encoding.UTF8.GetString(run.Stdout));
        if (run.Stderr.Length > 0)
        {
            output.WriteLine("stderr:");
            output.WriteLine(run.Stderr);
        }

        string? problem = OutputComparer.Compare(reference, run, NativeRunner.ArchOf(arch));
        Assert.True(problem is null, $"{program} on {arch} differs from {referenceName} (work folder {outcome.WorkDir}):\n{problem}");
        TryDelete(outcome.WorkDir);
    }

    private sealed record Outcome(ReferenceResult Reference, NativeResult Native, string WorkDir);

    private static Outcome Execute((string Program, string Arch) key)
    {
        string source = Path.Combine(RepoPaths.Corpus, key.Program);
        var reference = UsesRv32Reference(key.Program, key.Arch) ? Rv32Reference.GetAsync(source) : CoreClrReference.GetAsync(source);
        string workDir = RepoPaths.UniqueDirectory("native", $"{Path.GetFileNameWithoutExtension(key.Program)}.{key.Arch}");
        var native = NativeRunner.BuildAndRun(source, key.Arch, workDir);
        return new Outcome(reference.GetAwaiter().GetResult(), native, workDir);
    }

    /// <summary>Pointer-size dependent on a 32-bit target: CoreCLR (64-bit) is no reference.</summary>
    private static bool UsesRv32Reference(string program, string arch) =>
        NativeRunner.ArchOf(arch) == "rv32" && program.StartsWith(PointerSizePrefix, StringComparison.Ordinal);

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
}
