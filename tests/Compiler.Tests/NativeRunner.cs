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

    /// <summary>What the corpus runs on: every arch at the default -O2, and every arch at -O0 as well, which is what a
    /// Debug build (<c>./run.sh --gdb</c>, <c>dotnet build -p:Arch=host</c>) compiles with: nothing is inlined
    /// or expanded there, so the core library's own code paths (memset zeroing locals...) differ. Every program runs
    /// on <c>host-O0</c>; on <c>rv32-O0</c> and <c>rv64-O0</c> only <see cref="RiscvO0Programs"/> do, unless
    /// <c>RVC_CORPUS_O0=all</c> (the full -O0 run, see tests/README.md). <c>RVC_CORPUS_TARGETS=rv32-O0,rv64-O0</c>
    /// runs only the targets it names.</summary>
    public static readonly string[] CorpusTargets = ["host", "host-O0", "rv32", "rv64", "rv32-O0", "rv64-O0"];

    /// <summary>The targets <paramref name="program"/> runs on in this test run.</summary>
    public static IEnumerable<string> CorpusTargetsOf(string program)
    {
        string? only = Environment.GetEnvironmentVariable("RVC_CORPUS_TARGETS");
        string[] targets = string.IsNullOrEmpty(only) ? CorpusTargets : only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        bool allO0 = Environment.GetEnvironmentVariable("RVC_CORPUS_O0") == "all";
        return targets.Where(t => !IsRiscvO0(t) || allO0 || RiscvO0Programs.Contains(program));
    }

    private static bool IsRiscvO0(string target) => target is "rv32-O0" or "rv64-O0";

    /// <summary>The corpus programs that also run at -O0 on rv32 and rv64 in every test run: one or two for each part
    /// of the compiler and the core library whose code differs at -O0 (value types passed and returned, the
    /// stack-limit and null checks, exceptions and finally blocks, type initialisers, formatting, 64-bit arithmetic
    /// on rv32, atomics, spans, constrained calls). The full -O0 corpus on RISC-V is <c>RVC_CORPUS_O0=all</c>.</summary>
    public static readonly IReadOnlySet<string> RiscvO0Programs = new HashSet<string>(StringComparer.Ordinal)
    {
        "abi_struct_passing.cs",
        "abi_unmanaged_struct_passing.cs",
        "checked_overflow_mul.cs",
        "conv_float_to_int.cs",
        "corelib_parse_binary.cs",
        "default_interface_methods.cs",
        "div_by_zero_int.cs",
        "format_double_roundtrip.cs",
        "format_custom.cs",
        "format_enums.cs",
        "format_integers.cs",
        "function_pointers_unmanaged.cs",
        "generic_constraints_constrained.cs",
        "int_format_buffer.cs",
        "interlocked_ops.cs",
        "long_arith_rv32.cs",
        "memorymarshal_basics.cs",
        "null_reference_call.cs",
        "null_reference_field.cs",
        "ptrsize_struct_layout.cs",
        "record_struct.cs",
        "ref_struct.cs",
        "sieve_stackalloc.cs",
        "span_bounds_check.cs",
        "stack_overflow_recursion.cs",
        "stackalloc_negative.cs",
        "static_ctor_first_access.cs",
        "static_ctor_throws.cs",
        "static_virtual_defaults_hasflag.cs",
        "struct_fixed_buffer.cs",
        "struct_inline_array.cs",
        "struct_object_members.cs",
        "switch_dense.cs",
        "try_finally_throws.cs",
        "try_finally_unwind.cs",
        "unsafe_unaligned.cs",
        "using_struct_disposable.cs",
        "utf8_encode.cs",
        "valuetuple_layout.cs",
        "volatile_fields.cs",
    };

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
        "rv32" => ProcessRunner.Run("qemu-system-riscv32", QemuArguments(executable), RunTimeout, keepInputOpen: true),
        "rv64" => ProcessRunner.Run("qemu-system-riscv64", QemuArguments(executable), RunTimeout, keepInputOpen: true),
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
