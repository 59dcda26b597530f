using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Rvc.Compiler.Tests;

/// <summary>Compiles one corpus program with Roslyn in-process.</summary>
internal static class RoslynCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The reference assemblies of the .NET the tests run on: the matching ref pack when the SDK is
    /// installed beside the runtime, else the runtime's own (implementation) assemblies.</summary>
    public static IReadOnlyList<MetadataReference> NetReferences { get; } = LoadNetReferences();

    public static CSharpCompilation Create(string assemblyName, string sourceFile, IEnumerable<MetadataReference> references)
    {
        var text = File.ReadAllText(sourceFile);
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, sourceFile, System.Text.Encoding.UTF8);
        var options = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: true,
            nullableContextOptions: NullableContextOptions.Disable,
            deterministic: true);
        return CSharpCompilation.Create(assemblyName, [tree], references, options);
    }

    /// <summary>The errors of a compilation, formatted like csc's (warnings are ignored), including those only
    /// emitting finds, such as a missing compiler-required member (CS0656).</summary>
    public static IReadOnlyList<string> Errors(Compilation compilation)
    {
        using var stream = new MemoryStream();
        return compilation.Emit(stream).Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToArray();
    }

    public static (bool Success, IReadOnlyList<string> Errors) Emit(Compilation compilation, string dllPath)
    {
        EmitResult result;
        using (var stream = File.Create(dllPath))
        {
            result = compilation.Emit(stream);
        }

        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToArray();
        return (result.Success, errors);
    }

    private static IReadOnlyList<MetadataReference> LoadNetReferences()
    {
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var version = Environment.Version;

        // runtimeDir = <dotnet>/shared/Microsoft.NETCore.App/<version>
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string tfm = $"net{version.Major}.{version.Minor}";
        string? refDir = Directory.Exists(packs)
            ? Directory.GetDirectories(packs, $"{version.Major}.{version.Minor}.*")
                .Select(d => Path.Combine(d, "ref", tfm))
                .Where(Directory.Exists)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))!).Split('-')[0], out var v) ? v : new Version(0, 0))
                .FirstOrDefault()
            : null;

        IEnumerable<string> files = refDir is not null
            ? Directory.GetFiles(refDir, "*.dll")
            : Directory.GetFiles(runtimeDir, "*.dll").Where(IsManagedFrameworkAssembly);
        return files.Order(StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    private static bool IsManagedFrameworkAssembly(string path)
    {
        string name = Path.GetFileName(path);
        if (!(name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
              || name is "mscorlib.dll" or "netstandard.dll"))
        {
            return false;
        }

        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
