using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.HostBench;

/// <summary>
/// Builds the kernel's IL for rv32 and rv64 (through the launcher, as ./run.sh does), then runs the benchmarks
/// (<see cref="CompilerBenchmarks"/>) in this process: BenchmarkDotNet's in-process toolchain, so that it does not
/// generate and build a project of its own inside the repository. Arguments go to BenchmarkDotNet's switcher
/// (e.g. <c>--filter *Llvm*</c>); <c>--quick</c> first makes it one short iteration each, to check the set-up.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool quick = args.Contains("--quick");
        args = args.Where(a => a != "--quick").ToArray();
        var repo = RepoLayout.Find();
        foreach (var arch in new[] { TargetArch.RiscV32, TargetArch.RiscV64 })
        {
            var elf = KernelProject.Build(repo, arch);
            CompilerBenchmarks.KernelAssemblies[arch] = Path.ChangeExtension(elf, ".dll");
        }
        CompilerBenchmarks.WorkDirectory = Path.Combine(repo.Artifacts, "bench", "host-bench");
        Directory.CreateDirectory(CompilerBenchmarks.WorkDirectory);

        var job = quick
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            // Each operation takes a second or more: one invocation per iteration, a few iterations.
            : Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(10)
                .WithInvocationCount(1).WithUnrollFactor(1);
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Max)
            .WithArtifactsPath(Path.Combine(repo.Artifacts, "bench", "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
