using CliWrap;
using CliWrap.Buffered;
using Rvc.TypeSystem;

namespace Rvc.Driver;

/// <summary>Stage 6, native code: clang-19 compiles the LLVM module and assembles the boot code,
/// ld.lld-19 links them into an ELF executable.</summary>
public static class NativeToolchain
{
    public const string Clang = "clang-19";
    public const string Linker = "ld.lld-19";
    public const string MissingToolsMessage =
        "rvc needs clang-19 and ld.lld-19 (LLVM 19) to produce machine code: install them with 'sudo apt-get install -y --no-install-recommends clang-19 lld-19'";

    public static void EnsureAvailable()
    {
        if (FindOnPath(Clang) == null || FindOnPath(Linker) == null)
            throw new ToolchainException(MissingToolsMessage);
    }

    public static string? FindOnPath(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    /// <summary>Compiles <paramref name="llvmFile"/> and the target's boot code and links them to <paramref name="output"/>.
    /// A program that starts on its own terms (the kernel, entered in S-mode by SBI firmware) brings its own
    /// <paramref name="link"/>: boot sources in place of the toolchain's boot code, and a linker script.</summary>
    public static void CompileAndLink(string llvmFile, TargetInfo target, string output, string workDirectory, int optimizationLevel = 2, LinkInputs? link = null)
    {
        EnsureAvailable();
        var layout = ToolchainLayout.Locate();
        string programObject = Path.Combine(workDirectory, "program.o");
        IReadOnlyList<string> bootSources = link is { BootSources.Count: > 0 }
            ? link.BootSources.Select(RequireInput).ToList()
            : [ToolchainLayout.Require(target.IsRiscV ? layout.BootRiscV : layout.BootHost)];

        var common = target.ClangFlags.ToList();
        Run(Clang, [.. common, "-c", $"-O{optimizationLevel}", "-g", "-Wno-override-module", llvmFile, "-o", programObject]);
        var bootObjects = new List<string>();
        for (int i = 0; i < bootSources.Count; i++)
        {
            string bootObject = Path.Combine(workDirectory, $"boot{i}.o");
            Run(Clang, [.. common, "-c", "-g", bootSources[i], "-o", bootObject]);
            bootObjects.Add(bootObject);
        }

        // --discard-locals: RISC-V code keeps a local label at every pc-relative pair (.Lpcrel_hiN) in its object's
        // symbols; in the executable's they would name the middle of functions (gdb's backtraces, llvm-symbolizer).
        var linkArgs = new List<string> { "-static", "-nostdlib", "--gc-sections", "--discard-locals" };
        if (link?.LinkerScript is { } script)
            linkArgs.AddRange(["-T", RequireInput(script)]);
        else if (target.IsRiscV)
            linkArgs.AddRange(["-T", ToolchainLayout.Require(layout.LinkerScript)]);
        else
            linkArgs.AddRange(["-e", "_start"]);
        linkArgs.AddRange([.. bootObjects, programObject, "-o", output]);
        Run(Linker, linkArgs);
    }

    static string RequireInput(string file)
        => File.Exists(file) ? Path.GetFullPath(file) : throw new ArgumentException($"'{file}': no such file");

    /// <summary>Runs clang or the linker to completion; a failure shows its command line and everything it printed.</summary>
    public static void Run(string tool, IReadOnlyList<string> args)
    {
        BufferedCommandResult result;
        try
        {
            result = Cli.Wrap(tool).WithArguments(args).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e.InnerException is System.ComponentModel.Win32Exception)
        {
            throw new ToolchainException(MissingToolsMessage);
        }
        if (result.ExitCode != 0)
            throw new ToolchainException($"{tool} failed (exit {result.ExitCode}): {tool} {string.Join(' ', args)}\n{result.StandardOutput}{result.StandardError}");
    }
}

/// <summary>A program's own boot sources (assembled in place of the toolchain's boot code) and linker script;
/// empty or null: the toolchain's.</summary>
public sealed record LinkInputs(IReadOnlyList<string> BootSources, string? LinkerScript);

/// <summary>A failure of the native tools or of the toolchain's installation, not of the program.</summary>
public sealed class ToolchainException(string message) : Exception(message);
