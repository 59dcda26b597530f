namespace Kernel.Bench;

using Kernel.Drivers.Virtio;

/// <summary>What one case measured: <see cref="Requests"/> completed in <see cref="Ticks"/> of the <c>time</c> CSR
/// (first submission to last completion, at least 1), or the first driver error (<see cref="Error"/>).</summary>
public struct BenchResult
{
    public uint Requests;
    public ulong Ticks;
    public BlockError Error;

    /// <summary>The driver's counts over the case (<see cref="VirtioBlkCounters"/>): QueueNotify writes, used-buffer
    /// interrupts seen, publications.</summary>
    public VirtioBlkCounters Counters;

    /// <summary>Guest instructions retired inside the driver's calls (queue, kick, the look at the used ring that found
    /// completions, collection), the idle looks of the wait excluded; 0 when not measured (interrupt mode).</summary>
    public ulong DriverInstructions;

    /// <summary>Naps taken between looks at the used ring (<c>bench.nap</c>); 0 without.</summary>
    public ulong Naps;

    /// <summary>Requests per second: <c>n * timebase / ticks</c> (integer division, as the contract says).</summary>
    public readonly ulong Iops(ulong timebase) => (ulong)Requests * timebase / Ticks;

    /// <summary>KiB per second: <c>n * size * timebase / 1024 / ticks</c>.</summary>
    public readonly ulong KibPerSecond(uint size, ulong timebase) => (ulong)Requests * size * timebase / 1024 / Ticks;
}
