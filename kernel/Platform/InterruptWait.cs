namespace Kernel.Platform;

using Kernel.Drivers.Virtio;
using Kernel.Interrupts;

/// <summary>
/// Waiting for a device by interrupt: <see cref="Wait"/> completes the PLIC sources the trap handler claimed since
/// the last look (the driver has served its device since: read and acknowledged InterruptStatus, looked at the
/// used ring), then sleeps in <c>wfi</c> until the PLIC raises the supervisor external interrupt or the timer
/// interrupt comes, lets them trap (<see cref="SupervisorInterrupts.WaitForInterrupt"/>, <see cref="InterruptTraps"/>),
/// and returns; the driver then looks at its used ring again. No deadline unless one was asked for
/// (<c>blk.timeout</c>), a warning every <c>blk.warn</c> seconds (<see cref="WaitClock"/>): the SBI timer is set to
/// whichever comes first, so a device that never interrupts cannot keep the hart asleep past either.
/// <c>blk.completion=irq</c>. The PLIC must have the device's source enabled (<see cref="InterruptSetup"/>).
/// </summary>
public struct InterruptWait : ICompletionWait, IWaitCounters
{
    readonly ulong _timebase;
    WaitClock _clock;
    ulong _waits;
    ulong _interrupts;

    /// <summary>A wait that gives up <paramref name="limitTicks"/> ticks of the <c>time</c> CSR after
    /// <see cref="Start"/> (0: never) and warns every <paramref name="warnTicks"/> (0: never).</summary>
    public InterruptWait(ulong limitTicks, ulong warnTicks = 0, ulong timebase = 10_000_000)
    {
        _timebase = timebase == 0 ? 1 : timebase;
        _clock = new WaitClock(limitTicks, warnTicks);
        _waits = 0;
        _interrupts = 0;
    }

    public readonly bool UsesInterrupts => true;

    public readonly ulong Waits => _waits;

    public readonly ulong InterruptsClaimed => _interrupts;

    public void Start() => _clock.Start();

    public bool Wait()
    {
        InterruptTraps.CompleteClaimed();
        if (!_clock.Check(_timebase))
        {
            return false;
        }

        // The timer is armed lazily (one SBI call when the next event changes): a request that completes before
        // the first wait costs none. A wfi with an interrupt already pending returns at once, so a completion that
        // arrived after the driver's look is not slept through.
        _waits++;
        InterruptTraps.ArmTimer(_clock.NextEvent);
        ulong before = InterruptTraps.Claims;
        // A process sleeps (the others run meanwhile); at boot and in the kernel shell the hart sleeps in wfi.
        Kernel.Processes.Scheduler.WaitForInterrupt();
        _interrupts += InterruptTraps.Claims - before;
        return true;
    }
}
