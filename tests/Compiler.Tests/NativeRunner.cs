using Rvc.Driver;

namespace Rvc.Compiler.Tests;

/// <summary>How a program compiled by rvc behaved on one target.</summary>
internal sealed record NativeResult(
    string Arch,
    BuildResult Build,
    string Executable,
    ProcessResult? Run)
{
    public bool Built => Build.Success;
}

/// <summary>Builds a corpus program with <see cref="Toolchain.BuildSources"/> and runs it: natively on the host,
/// under <c>qemu-system-riscv32/64 -machine virt</c> for the RISC-V targets.</summary>
internal static class NativeRunner
{
    public static readonly string[] Arches = ["host", "rv32", "rv64"];

    /// <summary>What the corpus runs on: every arch at the default -O2, and the host at -O0 as well, which is what a
    /// Debug build (<c>./run.sh --gdb</c>, <c>dotnet build -p:Arch=host</c>) compiles with: nothing is inlined
    /// or expanded there, so the core library's own code paths (memset zeroing locals...) differ.</summary>
    public static readonly string[] CorpusTargets = ["host", "host-O0", "rv32", "rv64"];

    /// <summary>The arch of a target name (<c>host-O0</c> is <c>host</c>).</summary>
    public static string ArchOf(string target) => target.Split('-')[0];

    static int OptimizationOf(string target) => target.EndsWith("-O0", StringComparison.Ordinal) ? 0 : 2;

    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Builds and runs <paramref name="sourceFile"/> for <paramref name="target"/> (<c>host</c>, <c>host-O0</c>,
    /// <c>rv32</c> or <c>rv64</c>) in <paramref name="workDir"/>, a folder of its own.</summary>
    public static NativeResult BuildAndRun(string sourceFile, string target, string workDir)
    {
        string arch = ArchOf(target);
        string exe = Path.Combine(workDir, Path.GetFileNameWithoutExtension(sourceFile) + (arch == "host" ? "" : ".elf"));
        var build = Toolchain.BuildSources([sourceFile], Toolchain.ParseArch(arch), exe, optimizationLevel: OptimizationOf(target));
        if (!build.Success)
        {
            return new NativeResult(arch, build, exe, null);
        }

        return new NativeResult(arch, build, exe, Run(exe, arch));
    }

    public static ProcessResult Run(string executable, string arch) => arch switch
    {
        "host" => ProcessRunner.Run(executable, [], RunTimeout),
        "rv32" => ProcessRunner.Run("qemu-system-riscv32", QemuArguments(executable), RunTimeout),
        "rv64" => ProcessRunner.Run("qemu-system-riscv64", QemuArguments(executable), RunTimeout),
        _ => throw new ArgumentException($"unknown architecture '{arch}'", nameof(arch)),
    };

    /// <summary>The UART on stdout and nothing else: no monitor multiplexed in, no display, no firmware.
    /// The program ends by writing to the sifive_test device, which makes QEMU exit with its status.</summary>
    private static string[] QemuArguments(string executable) =>
    [
        "-machine", "virt",
        "-bios", "none",
        "-display", "none",
        "-monitor", "none",
        "-serial", "stdio",
        "-kernel", executable,
    ];
}
