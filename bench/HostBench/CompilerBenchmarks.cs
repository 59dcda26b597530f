using BenchmarkDotNet.Attributes;
using Rvc.Driver;

namespace Rvc.HostBench;

/// <summary>rvc on the kernel: the managed stages alone (IL to LLVM IR), and the whole build to an ELF file (the same
/// plus clang-19 -O2 and ld.lld-19), for each arch.</summary>
public class CompilerBenchmarks
{
    /// <summary>The kernel's IL (Kernel.dll beside Kernel.elf), per arch; set by <see cref="Program"/>.</summary>
    public static readonly Dictionary<TargetArch, string> KernelAssemblies = [];

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
        _kernel = KernelAssemblies[_arch];
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
