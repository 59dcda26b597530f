namespace Kernel.Platform;

using Kernel.Drivers.Virtio;

/// <summary>
/// Waiting for a device by polling: <see cref="Wait"/> returns at once (the driver's look at the used ring is the
/// spin). No deadline unless one was asked for (<c>blk.timeout</c>), a warning every <c>blk.warn</c> seconds (see
/// <see cref="WaitClock"/>), measured on the <c>time</c> CSR. The device is asked not to interrupt
/// (<see cref="UsesInterrupts"/> false). <c>blk.completion=poll</c>, the default.
/// </summary>
public struct PollingWait : ICompletionWait, IWaitCounters
{
    /// <summary>How often the clock is read: every this many polls (a read of the time CSR costs more than a look at
    /// the used ring under QEMU).</summary>
    const ulong PollsPerClockRead = 64;

    WaitClock _clock;
    readonly ulong _timebase;
    ulong _waits;

    /// <summary>A wait that gives up <paramref name="limitTicks"/> ticks of the <c>time</c> CSR after <see cref="Start"/> (0: never)
    /// and warns every <paramref name="warnTicks"/> (0: never).</summary>
    public PollingWait(ulong limitTicks, ulong warnTicks = 0, ulong timebase = 10_000_000)
    {
        _clock = new WaitClock(limitTicks, warnTicks);
        _timebase = warnTicks != 0 && timebase == 0 ? 1 : timebase;
        _waits = 0;
    }

    public readonly ulong LimitTicks => _clock.LimitTicks;

    public readonly bool UsesInterrupts => false;

    public void Start() => _clock.Start();

    public readonly ulong Waits => _waits;

    public readonly ulong InterruptsClaimed => 0;

    public bool Wait()
    {
        _waits++;
        return _waits % PollsPerClockRead != 0 || _clock.Check(_timebase);
    }
}
