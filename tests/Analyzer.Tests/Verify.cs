using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Rvc.Driver;

namespace Rvc.Analyzer.Tests;

/// <summary>Runs <see cref="RvcAnalyzer"/> on a test program with Roslyn's analyzer test framework. The program
/// compiles against rvc's core library alone, with unsafe code allowed, as every rvc program does. Expected
/// diagnostics are marked in the source: <c>{|RVC0001:42|}</c> is an RVC0001 over exactly <c>42</c>, and
/// <c>{|#0:42|}</c> is location 0 for a <see cref="Diagnostic(string, string)"/> that also checks the message.
/// Any diagnostic not marked fails the test, so a program without marks checks that nothing is reported.</summary>
internal static class Verify
{
    static readonly MetadataReference CoreLibrary = MetadataReference.CreateFromFile(ToolchainLayout.Require(ToolchainLayout.Locate().CoreLibrary));

    public static DiagnosticResult Diagnostic(string code, string message)
        => new DiagnosticResult(code, DiagnosticSeverity.Error).WithLocation(0).WithMessage(message);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
        => AnalyzerAsync(source, CompilerDiagnostics.Errors, expected);

    public static Task AnalyzerAsync(string source, CompilerDiagnostics compilerDiagnostics, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<RvcAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            // No reference-assembly package: the core library below is the whole framework.
            ReferenceAssemblies = new ReferenceAssemblies("rvc"),
            CompilerDiagnostics = compilerDiagnostics,
        };
        test.TestState.AdditionalReferences.Add(CoreLibrary);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
