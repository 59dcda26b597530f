using Rvc.Diagnostics;
using Rvc.TypeSystem;

namespace Rvc.Driver;

/// <summary>The machines rvc compiles for.</summary>
public enum TargetArch
{
    /// <summary>x86_64 Linux, freestanding: lets tests run compiled code natively.</summary>
    Host,
    /// <summary>rv32gc, ilp32d, QEMU virt.</summary>
    RiscV32,
    /// <summary>rv64gc, lp64d, QEMU virt.</summary>
    RiscV64,
}

/// <summary>The outcome of a build: success, and the diagnostics in MSBuild format
/// (<c>path(line,col): error RVC0001: message</c>).</summary>
public sealed record BuildResult(bool Success, IReadOnlyList<string> Diagnostics);

/// <summary>The toolchain's public entry points, used by the launcher, MSBuild and the tests.</summary>
public static class Toolchain
{
    /// <summary>Compiles C# source files with Roslyn against the core library, then the IL to an executable.</summary>
    public static BuildResult BuildSources(IReadOnlyList<string> sourceFiles, TargetArch arch, string outputPath, string? llvmOutput = null, int optimizationLevel = 2)
    {
        var layout = ToolchainLayout.Locate();
        string work = CreateWorkDirectory();
        try
        {
            string assembly = Path.Combine(work, Path.GetFileNameWithoutExtension(outputPath) + ".dll");
            var (ok, diagnostics) = CSharpFrontend.Compile(sourceFiles, ToolchainLayout.Require(layout.CoreLibrary), assembly);
            if (!ok)
                return new BuildResult(false, diagnostics);
            var result = BuildAssemblyIn(work, assembly, [layout.CoreLibrary], arch, outputPath, llvmOutput, optimizationLevel);
            return result with { Diagnostics = diagnostics.Concat(result.Diagnostics).ToList() };
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Compiles an assembly built elsewhere (its references resolved from <paramref name="referencePaths"/>) to an executable.</summary>
    public static BuildResult BuildAssembly(string assemblyPath, IReadOnlyList<string> referencePaths, TargetArch arch, string outputPath, string? llvmOutput = null, int optimizationLevel = 2, LinkInputs? link = null)
    {
        string work = CreateWorkDirectory();
        try
        {
            return BuildAssemblyIn(work, assemblyPath, referencePaths, arch, outputPath, llvmOutput, optimizationLevel, link);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    static BuildResult BuildAssemblyIn(string work, string assemblyPath, IReadOnlyList<string> referencePaths, TargetArch arch, string outputPath, string? llvmOutput, int optimizationLevel, LinkInputs? link = null)
    {
        string llvm;
        try
        {
            llvm = Compilation.CompileToLlvm(assemblyPath, referencePaths, arch);
        }
        catch (CompilationException e)
        {
            return new BuildResult(false, [e.Format()]);
        }
        catch (CompilationFailedException e)
        {
            var ordered = e.Errors
                .OrderBy(x => x.Location?.Document.Url ?? "", StringComparer.Ordinal)
                .ThenBy(x => x.Location?.StartLine ?? 0)
                .ThenBy(x => x.Location?.StartColumn ?? 0);
            return new BuildResult(false, ordered.Select(x => x.Format()).ToList());
        }
        string llvmFile = llvmOutput ?? Path.Combine(work, "program.ll");
        File.WriteAllText(llvmFile, llvm);
        string? outDir = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (outDir != null)
            Directory.CreateDirectory(outDir);
        if (optimizationLevel is < 0 or > 3)
            throw new ArgumentException($"optimization level {optimizationLevel} is not 0 to 3");
        NativeToolchain.CompileAndLink(llvmFile, TargetInfo.For(arch), outputPath, work, optimizationLevel, link);
        return new BuildResult(true, []);
    }

    static string CreateWorkDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rvc-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Parses <c>rv32</c>, <c>rv64</c> or <c>host</c>.</summary>
    public static TargetArch ParseArch(string text) => text switch
    {
        "rv32" => TargetArch.RiscV32,
        "rv64" => TargetArch.RiscV64,
        "host" => TargetArch.Host,
        _ => throw new ArgumentException($"unknown architecture '{text}': expected rv32, rv64 or host"),
    };
}
