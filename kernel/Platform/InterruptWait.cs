namespace Kernel.Platform;

using Kernel.Drivers.Virtio;
using Kernel.Interrupts;

/// <summary>
/// Waiting for a device by interrupt: <see cref="Wait"/> sleeps in <c>wfi</c> until the PLIC raises hart 0's machine
/// external interrupt (mie.MEIE set, mstatus.MIE clear: no trap is taken), then claims the interrupt and completes it,
/// and returns; the driver then acknowledges the device (InterruptStatus, InterruptACK) and looks at its used ring.
/// No deadline unless one was asked for (<c>blk.timeout</c>), a warning every <c>blk.warn</c> seconds
/// (<see cref="WaitClock"/>): the machine timer is set to whichever comes first and mie.MTIE is set for the duration
/// of the <c>wfi</c>, so the hart wakes for them. <c>blk.completion=irq</c>. The PLIC must have the device's source
/// enabled (<see cref="InterruptSetup"/>).
/// </summary>
public struct InterruptWait : ICompletionWait, IWaitCounters
{
    readonly Plic _plic;
    readonly MachineTimer _timer;
    readonly ulong _timebase;
    WaitClock _clock;
    ulong _waits;
    ulong _interrupts;

    public InterruptWait(Plic plic, MachineTimer timer, ulong limitTicks, ulong warnTicks = 0, ulong timebase = 10_000_000)
    {
        _plic = plic;
        _timer = timer;
        _timebase = timebase == 0 ? 1 : timebase;
        _clock = new WaitClock(limitTicks, warnTicks);
        _waits = 0;
        _interrupts = 0;
    }

    public readonly bool UsesInterrupts => true;

    public readonly ulong Waits => _waits;

    public readonly ulong InterruptsClaimed => _interrupts;

    public void Start()
    {
        _clock.Start();
        _timer.SetCompare(_clock.NextEvent);
    }

    public bool Wait()
    {
        if (!_clock.Check(_timebase))
        {
            return false;
        }

        // A wfi with an interrupt already pending returns at once: a completion that arrived after the driver's
        // look is not slept through. The timer only bounds the sleep; it is never claimed anywhere.
        _timer.SetCompare(_clock.NextEvent);
        _waits++;
        bool timed = _clock.NextEvent != ulong.MaxValue;
        if (timed)
        {
            MachineInterrupts.EnableTimerWakeUp();
        }

        MachineInterrupts.WaitForInterrupt();
        if (timed)
        {
            MachineInterrupts.DisableTimerWakeUp();
        }

        uint source = _plic.Claim();
        if (source != 0)
        {
            _plic.Complete(source);
            _interrupts++;
        }

        return true;
    }
}
