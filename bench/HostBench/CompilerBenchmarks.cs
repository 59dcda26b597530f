using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.HostBench;

/// <summary>rvc on the kernel: the managed stages alone (IL to LLVM IR), and the whole build to an ELF file (the same
/// plus clang-19 -O2 and ld.lld-19), for each arch.</summary>
[Config(typeof(CompilerBenchmarkConfig))]
public class CompilerBenchmarks
{
    /// <summary>The kernel's IL (Kernel.dll beside Kernel.elf), per arch: built on first use.</summary>
    static readonly Dictionary<TargetArch, string> KernelAssemblies = [];

    /// <summary>The repository (set by <see cref="Program"/>).</summary>
    public static RepoLayout? Repo { get; set; }

    public static string WorkDirectory { get; set; } = Path.GetTempPath();

    [Params("rv32", "rv64")]
    public string Arch { get; set; } = "rv64";

    private TargetArch _arch;
    private string _kernel = "";
    private string _coreLibrary = "";

    [GlobalSetup]
    public void Setup()
    {
        _arch = Toolchain.ParseArch(Arch);
        if (!KernelAssemblies.TryGetValue(_arch, out string? kernel))
        {
            // The kernel through the launcher, as ./run.sh builds it; not measured.
            var elf = KernelProject.Build(Repo ?? RepoLayout.Find(), _arch);
            kernel = KernelAssemblies[_arch] = Path.ChangeExtension(elf, ".dll");
        }

        _kernel = kernel;
        _coreLibrary = ToolchainLayout.Require(ToolchainLayout.Locate().CoreLibrary);
    }

    /// <summary>Mono.Cecil loading, dependency analysis, code generation: the LLVM module as text.</summary>
    [Benchmark]
    public int KernelToLlvmIr() => Compilation.CompileToLlvm(_kernel, [_coreLibrary], _arch).Length;

    /// <summary>Toolchain.BuildAssembly: the kernel's IL to Kernel.elf, as Rvc.targets does after the C# build.</summary>
    [Benchmark]
    public bool KernelToElf()
    {
        var result = Toolchain.BuildAssembly(_kernel, [_coreLibrary], _arch, Path.Combine(WorkDirectory, $"Kernel-{Arch}.elf"));
        if (!result.Success)
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        return result.Success;
    }
}

/// <summary>The job of <see cref="CompilerBenchmarks"/>: in-process; each operation takes a second or more, so one
/// invocation per iteration and a few iterations (<c>--quick</c>: a dry run).</summary>
public sealed class CompilerBenchmarkConfig : ManualConfig
{
    public CompilerBenchmarkConfig()
    {
        Job job = Program.Quick
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            : Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(10)
                .WithInvocationCount(1).WithUnrollFactor(1);
        AddJob(job.WithId("compiler"));
    }
}
