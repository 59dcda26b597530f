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

    /// <summary>Compiles <paramref name="llvmFile"/> and the target's boot code and links them to <paramref name="output"/>.</summary>
    public static void CompileAndLink(string llvmFile, TargetInfo target, string output, string workDirectory, int optimizationLevel = 2)
    {
        EnsureAvailable();
        var layout = ToolchainLayout.Locate();
        string programObject = Path.Combine(workDirectory, "program.o");
        string bootObject = Path.Combine(workDirectory, "boot.o");
        string bootSource = ToolchainLayout.Require(target.IsRiscV ? layout.BootRiscV : layout.BootHost);

        var common = target.ClangFlags.ToList();
        Run(Clang, [.. common, "-c", $"-O{optimizationLevel}", "-g", "-Wno-override-module", llvmFile, "-o", programObject]);
        Run(Clang, [.. common, "-c", "-g", bootSource, "-o", bootObject]);

        var linkArgs = new List<string> { "-static", "-nostdlib", "--gc-sections" };
        if (target.IsRiscV)
            linkArgs.AddRange(["-T", ToolchainLayout.Require(layout.LinkerScript)]);
        else
            linkArgs.AddRange(["-e", "_start"]);
        linkArgs.AddRange([bootObject, programObject, "-o", output]);
        Run(Linker, linkArgs);
    }

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

/// <summary>A failure of the native tools or of the toolchain's installation, not of the program.</summary>
public sealed class ToolchainException(string message) : Exception(message);
