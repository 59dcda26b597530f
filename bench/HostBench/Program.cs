using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using Rvc.Launcher;

namespace Rvc.HostBench;

/// <summary>
/// Runs the benchmarks in this process (BenchmarkDotNet's in-process toolchain, so that it does not generate and build
/// a project of its own inside the repository): <see cref="CompilerBenchmarks"/> (rvc on the kernel; it builds the
/// kernel's IL for rv32 and rv64 through the launcher first, as ./run.sh does, when one of them is selected) and
/// <see cref="DriverBenchmarks"/> (the virtio-blk driver core against an instant fake device). Each class brings its
/// job (<c>[Config]</c>). Arguments go to BenchmarkDotNet's switcher (e.g. <c>--filter *Driver*</c>); <c>--quick</c>
/// first makes every job one short iteration, to check the set-up.
/// </summary>
public static class Program
{
    /// <summary>Set by <c>--quick</c>: the classes' configurations make dry jobs.</summary>
    public static bool Quick { get; private set; }

    public static int Main(string[] args)
    {
        Quick = args.Contains("--quick");
        args = args.Where(a => a != "--quick").ToArray();
        var repo = RepoLayout.Find();
        CompilerBenchmarks.Repo = repo;
        CompilerBenchmarks.WorkDirectory = Path.Combine(repo.Artifacts, "bench", "host-bench");
        Directory.CreateDirectory(CompilerBenchmarks.WorkDirectory);

        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Max)
            .WithArtifactsPath(Path.Combine(repo.Artifacts, "bench", "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
