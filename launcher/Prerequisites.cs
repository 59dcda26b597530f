using System.Runtime.InteropServices;
using Rvc.Driver;

namespace Rvc.Launcher;

/// <summary>
/// The native tools the toolchain needs (clang-19 and ld.lld-19 to compile, QEMU to boot), and how to get
/// them: on Debian as root they are installed with apt-get; anywhere else the user is told what to install.
/// </summary>
public static class Prerequisites
{
    /// <summary>The Debian packages that provide every tool, installed together: llvm-19 for llvm-symbolizer-19 (a panic's
    /// C# frames, <see cref="StackSymbolizer"/>), gdb-multiarch for <c>--gdb</c> and its tests.</summary>
    public static readonly string[] AptPackages = ["qemu-system-misc", "clang-19", "lld-19", "qemu-utils", "llvm-19", "gdb-multiarch"];

    public static readonly string[] CompilerTools = ["clang-19", "ld.lld-19"];

    public static string QemuFor(TargetArch arch) => arch == TargetArch.RiscV32 ? "qemu-system-riscv32" : "qemu-system-riscv64";

    /// <summary>The tools needed to compile for <paramref name="arch"/> and, if <paramref name="boot"/>, to run the result.</summary>
    public static IEnumerable<string> ToolsFor(TargetArch arch, bool compile, bool boot)
    {
        if (compile)
            foreach (var tool in CompilerTools) yield return tool;
        if (boot && arch != TargetArch.Host)
            yield return QemuFor(arch);
        if (boot)
            yield return StackSymbolizer.Tool;
    }

    /// <summary>Every tool: what <c>./run.sh prereqs</c> and <c>./test.sh</c> make sure of.</summary>
    public static IEnumerable<string> AllTools => [.. CompilerTools, "qemu-system-riscv32", "qemu-system-riscv64", StackSymbolizer.Tool, "gdb-multiarch"];

    /// <summary>The full path of <paramref name="tool"/> found on PATH, or null.</summary>
    public static string? FindOnPath(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        string[] extensions = OperatingSystem.IsWindows() ? [".exe", ".cmd", ""] : [""];
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var ext in extensions)
            {
                var candidate = Path.Combine(dir, tool + ext);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    public static List<string> Missing(IEnumerable<string> tools) => tools.Distinct().Where(t => FindOnPath(t) is null).ToList();

    /// <summary>The one message telling what to install, or null if nothing is missing. The compiler can show it too.</summary>
    public static string? MissingToolsMessage(IEnumerable<string> tools)
    {
        var missing = Missing(tools);
        if (missing.Count == 0)
            return null;
        return $"{string.Join(", ", missing)} not found on PATH; install with "
            + $"'sudo apt-get install -y --no-install-recommends {string.Join(' ', AptPackages)}' "
            + "(Debian 12; elsewhere install clang 19, lld 19, llvm 19's llvm-symbolizer, gdb-multiarch and QEMU's qemu-system-riscv32/64 under these names)";
    }

    /// <summary>
    /// Makes sure every tool in <paramref name="tools"/> is on PATH: installs the packages with apt-get when
    /// running as root on a machine that has it, else throws one error that names what to install.
    /// </summary>
    public static void Ensure(IEnumerable<string> tools)
    {
        var wanted = tools.Distinct().ToList();
        var missing = Missing(wanted);
        if (missing.Count == 0)
            return;
        if (!IsRoot() || FindOnPath("apt-get") is null)
            throw new LauncherException(MissingToolsMessage(wanted)!);

        Console.Error.WriteLine($"launcher: {string.Join(", ", missing)} missing: installing {string.Join(' ', AptPackages)} with apt-get");
        var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        if (ProcessRunner.RunToStderr("apt-get", ["update"], env) != 0)
            throw new LauncherException("'apt-get update' failed; " + MissingToolsMessage(wanted));
        if (ProcessRunner.RunToStderr("apt-get", ["install", "-y", "--no-install-recommends", .. AptPackages], env) != 0)
            throw new LauncherException("'apt-get install' failed; " + MissingToolsMessage(wanted));

        var stillMissing = MissingToolsMessage(wanted);
        if (stillMissing is not null)
            throw new LauncherException("after installing, " + stillMissing);
    }

    private static bool IsRoot()
    {
        if (OperatingSystem.IsWindows())
            return false;
        try { return geteuid() == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return Environment.UserName == "root"; }
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();
}
