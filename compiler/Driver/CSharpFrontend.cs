using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

namespace Rvc.Driver;

/// <summary>The bflat-style front end: Roslyn, in-process, compiles C# source files against the
/// toolchain's core library into an assembly and its portable PDB, and runs the RVC analyzer (analyzer/) on
/// them, as every MSBuild build of an rvc project does: constructs rvc rejects are reported on the C# as
/// written, whatever the optimiser later removes from the IL.</summary>
public static class CSharpFrontend
{
    /// <summary>Compiles <paramref name="sourceFiles"/> into <paramref name="assemblyPath"/> (and a .pdb beside it).
    /// Returns Roslyn's diagnostics in MSBuild format; success when none is an error.</summary>
    public static (bool Success, IReadOnlyList<string> Diagnostics) Compile(IReadOnlyList<string> sourceFiles, string coreLibrary, string assemblyPath)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sourceFiles.Select(path =>
        {
            string full = Path.GetFullPath(path);
            return CSharpSyntaxTree.ParseText(File.ReadAllText(full), parseOptions, full, System.Text.Encoding.UTF8);
        }).ToList();
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication)
            .WithAllowUnsafe(true)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithDeterministic(true);
        string name = Path.GetFileNameWithoutExtension(assemblyPath);
        var compilation = CSharpCompilation.Create(name, trees, [MetadataReference.CreateFromFile(coreLibrary)], options);

        string pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        EmitResult result;
        using (var dll = File.Create(assemblyPath))
        using (var pdb = File.Create(pdbPath))
        {
            var emitOptions = new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: pdbPath)
                .WithRuntimeMetadataVersion("v4.0.30319");
            result = compilation.Emit(dll, pdb, options: emitOptions);
        }
        // Roslyn binds in parallel, so its diagnostics come in no fixed order: sort them by place, then code.
        var analyzerDiagnostics = compilation
            .WithAnalyzers([new Rvc.Analyzer.RvcAnalyzer()])
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var diagnostics = result.Diagnostics.Concat(analyzerDiagnostics)
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .Select(Format)
            .ToImmutableArray();
        bool success = result.Success && !analyzerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        return (success, diagnostics);
    }

    static string Format(Diagnostic d)
    {
        string severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var span = d.Location.GetMappedLineSpan();
        if (!span.IsValid)
            return $"rvc: {severity} {d.Id}: {d.GetMessage()}";
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {d.Id}: {d.GetMessage()}";
    }
}
