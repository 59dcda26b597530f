using Xunit.Abstractions;

namespace Rvc.Compiler.Tests;

/// <summary>Checks on the corpus itself, independent of rvc: every program compiles with Roslyn and runs to its
/// end on CoreCLR (any exit status), and compiles against our core library (runtime-stub/).</summary>
[TestCaseOrderer(DataRowOrderer.TypeName, DataRowOrderer.AssemblyName)]
public sealed class ReferenceTests(ITestOutputHelper output)
{
    private static readonly Prefetcher<string, ReferenceResult> References = new(
        RepoPaths.CorpusFiles,
        program => CoreClrReference.GetAsync(Path.Combine(RepoPaths.Corpus, program)).GetAwaiter().GetResult());

    public static TheoryData<string> Programs() => new(RepoPaths.CorpusFiles);

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task ReferenceRuns(string program)
    {
        var result = await References.GetAsync(program);
        Assert.True(result.Compiled, $"{program} does not compile against .NET:\n{string.Join('\n', result.CompileErrors)}");
        Assert.False(result.TimedOut, $"{program} timed out on CoreCLR");
        output.WriteLine($"exit status {result.ExitCode}");
        output.WriteLine(System.Text.Encoding.UTF8.GetString(result.Stdout));
        if (result.PanicLine is not null)
        {
            output.WriteLine(result.PanicLine);
        }

        // A program either ends normally or dies of an unhandled exception that we can name.
        if (result.ExitCode == 134)
        {
            Assert.True(result.ExceptionType is not null || result.StackOverflow, $"{program} aborted without an unhandled exception or a stack overflow:\n{result.Stderr}");
            Assert.True(result.Stdout.Length == 0 || result.Stdout[^1] == (byte)'\n', $"{program} must end its output with a newline before it throws");
        }
        else
        {
            Assert.True(result.Stderr.Length == 0, $"{program} wrote to stderr:\n{result.Stderr}");
            Assert.InRange(result.ExitCode, 0, 127);
        }
    }

    public static TheoryData<string> CoreLibPrograms() => new(RepoPaths.CorpusFiles);

    /// <summary>Every corpus program compiles against our own core library (no other reference).</summary>
    [Theory]
    [MemberData(nameof(CoreLibPrograms))]
    public void CompilesAgainstCoreLib(string program)
    {
        string? coreLib = CoreLibLocator.Find();
        Assert.True(coreLib is not null, $"System.Private.CoreLib.dll of runtime-stub/ not found; build it first: dotnet build runtime-stub ({CoreLibLocator.Describe()})");
        output.WriteLine($"core library: {coreLib}");
        var compilation = RoslynCompiler.Create(Path.GetFileNameWithoutExtension(program), Path.Combine(RepoPaths.Corpus, program), [CoreLibLocator.Reference(coreLib)]);
        var errors = RoslynCompiler.Errors(compilation);
        Assert.True(errors.Count == 0, $"{program} does not compile against {coreLib}:\n{string.Join('\n', errors)}");
    }
}
