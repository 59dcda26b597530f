using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kernel.Drivers.Virtio;
using Rvc.HostBench.Driver;

namespace Rvc.HostBench;

/// <summary>The virtio-blk driver core (kernel/Drivers/Virtio, the same sources the kernel compiles) on the host,
/// against <see cref="InstantBlockDevice"/>, a device that completes every request during its QueueNotify write and
/// moves no data: what is measured is the driver's own cost per request, submit (<c>Submit</c>: checks, descriptor
/// allocation, header, chain, available ring, barrier, doorbell) plus completion (<c>ReapCompletions</c>: used ring,
/// checks, status; <c>TryTakeCompleted</c>: result, descriptors back), with the device's few nanoseconds included.
/// Polling (<see cref="SpinCountWait"/>), legacy transport, 1024-entry queue. Queue depth 1 submits one request and
/// collects it; depth 32 keeps 32 submitted before reaping, so completions are taken in batches of 32. Sizes change
/// nothing but the descriptor's length (one data descriptor whatever the size: the device offers no SIZE_MAX), which
/// is the point: the driver's cost does not grow with the data.</summary>
[Config(typeof(DriverBenchmarkConfig))]
public unsafe class DriverBenchmarks
{
    /// <summary>Requests per invocation: results are per request (<c>OperationsPerInvoke</c>).</summary>
    public const int RequestsPerInvoke = 1024;

    const int MaxDepth = 32;

    [Params(BlockOp.Read, BlockOp.Write)]
    public BlockOp Op { get; set; }

    [Params(1, 32)]
    public int QueueDepth { get; set; }

    [Params(512, 4096, 65536)]
    public int Size { get; set; }

    BenchArena? _arena;
    InstantBlockDevice? _device;
    VirtioBlk<BenchRegisters, BenchDma, SpinCountWait> _driver;
    byte* _buffers;
    ulong _sectors;
    ulong _next;

    [GlobalSetup]
    public void Setup()
    {
        _arena = new BenchArena((nuint)(MaxDepth * Size + (1 << 20)));
        _sectors = 1ul << 21;   // 1 GiB: nothing is stored
        _device = new InstantBlockDevice(_arena, _sectors);
        BlockError error = VirtioBlk<BenchRegisters, BenchDma, SpinCountWait>.Initialize(
            new BenchRegisters(_device), new BenchDma(_arena), new SpinCountWait(1000), VirtioBlkFeatures.Default, 1024, out _driver);
        if (error != BlockError.None)
        {
            throw new InvalidOperationException($"initialisation: {BlockErrors.Describe(error)}");
        }

        _buffers = (byte*)_arena.AllocateZeroed((nuint)(MaxDepth * Size), 4096);
        if (_buffers == null)
        {
            throw new InvalidOperationException("no memory for the buffers");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _arena?.Dispose();

    /// <summary><see cref="RequestsPerInvoke"/> requests at <see cref="QueueDepth"/>: submit up to the depth, reap,
    /// collect, repeat. Returns the requests completed (all of them, or it throws).</summary>
    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public int SubmitAndComplete()
    {
        int submitted = 0;
        int completed = 0;
        int failed = 0;
        uint sectorsPerRequest = (uint)Size / 512;
        while (completed < RequestsPerInvoke)
        {
            while (submitted < RequestsPerInvoke && submitted - completed < QueueDepth)
            {
                byte* buffer = _buffers + (submitted % QueueDepth) * Size;
                BlockError error = _driver.Submit(Op, _next, buffer, (uint)Size, out _);
                if (error != BlockError.None)
                {
                    throw new InvalidOperationException($"submit: {BlockErrors.Describe(error)}");
                }

                _next += sectorsPerRequest;
                if (_next + sectorsPerRequest > _sectors)
                {
                    _next = 0;
                }

                submitted++;
            }

            _driver.ReapCompletions();
            while (_driver.TryTakeCompleted(out _, out BlockError result))
            {
                completed++;
                failed += result == BlockError.None ? 0 : 1;
            }
        }

        if (failed != 0)
        {
            throw new InvalidOperationException($"{failed} requests failed");
        }

        return completed;
    }
}

/// <summary>The job of <see cref="DriverBenchmarks"/>: in-process (no generated project in the repository), the
/// default warm-up and iteration counts, each iteration long enough to time (BenchmarkDotNet picks the invocation
/// count); with <c>--quick</c> (<see cref="Program.Quick"/>) a short run to check the set-up.</summary>
public sealed class DriverBenchmarkConfig : ManualConfig
{
    public DriverBenchmarkConfig()
    {
        Job job = Program.Quick
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            : Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15);
        AddJob(job.WithId("driver"));
    }
}
