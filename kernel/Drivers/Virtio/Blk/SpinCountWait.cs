namespace Kernel.Drivers.Virtio;

/// <summary>The simplest <see cref="ICompletionWait"/>: polling, with a time limit counted in polls instead of time
/// (no timer needed). What the two-parameter <see cref="VirtioBlk{TRegs, TDma}"/> uses; the kernel's own polling wait
/// measures time instead. <c>default(SpinCountWait)</c> allows <see cref="DefaultLimit"/> polls.</summary>
public struct SpinCountWait : ICompletionWait
{
    /// <summary>About two to three seconds of spinning under QEMU's TCG (measured: 10 million polls of the used ring
    /// take 16 ms on rv64, 25 ms on rv32); QEMU completes a request in well under a millisecond.</summary>
    public const ulong DefaultLimit = 1_000_000_000;

    ulong _limit;
    ulong _spins;

    /// <summary>A wait that gives up after <paramref name="limit"/> polls (at least 1).</summary>
    public SpinCountWait(ulong limit)
    {
        _limit = limit == 0 ? 1 : limit;
        _spins = 0;
    }

    /// <summary>How many times the driver looks at the used ring before it gives up.</summary>
    public readonly ulong Limit => _limit == 0 ? DefaultLimit : _limit;

    public readonly bool UsesInterrupts => false;

    public void Start() => _spins = 0;

    /// <summary>Returns at once (the driver's look at the used ring is the spin); false once
    /// <see cref="Limit"/> looks have been made since <see cref="Start"/>.</summary>
    public bool Wait() => ++_spins < Limit;
}
