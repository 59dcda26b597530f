namespace Kernel.Platform;

using Kernel.Drivers.Virtio;
using Kernel.Interrupts;
using Kernel.Sbi;

/// <summary>
/// Waiting for a device by polling: <see cref="Wait"/> returns at once (the driver's look at the used ring is the
/// spin) until the time limit, measured on the <c>time</c> CSR from <see cref="Start"/>, has passed. The
/// device is asked not to interrupt (<see cref="UsesInterrupts"/> false). <c>blk.completion=poll</c>, the default.
/// </summary>
public struct PollingWait : ICompletionWait, IWaitCounters
{
    /// <summary>How long a request may take, in seconds: QEMU completes one in well under a millisecond.</summary>
    public const ulong DefaultLimitSeconds = 5;

    readonly ulong _limitTicks;
    ulong _deadline;
    ulong _waits;

    /// <summary>A wait that gives up <paramref name="limitTicks"/> ticks of the <c>time</c> CSR after <see cref="Start"/>.</summary>
    public PollingWait(ulong limitTicks)
    {
        _limitTicks = limitTicks == 0 ? 1 : limitTicks;
        _deadline = 0;
        _waits = 0;
    }

    /// <summary><see cref="DefaultLimitSeconds"/> at <paramref name="timebase"/> ticks per second.</summary>
    public static PollingWait WithDefaultLimit(ulong timebase) => new PollingWait(timebase * DefaultLimitSeconds);

    public readonly ulong LimitTicks => _limitTicks;

    public readonly bool UsesInterrupts => false;

    public void Start() => _deadline = Deadline.After(_limitTicks);

    public readonly ulong Waits => _waits;

    public readonly ulong InterruptsClaimed => 0;

    public bool Wait()
    {
        _waits++;
        return SbiTimer.Now < _deadline;
    }
}
