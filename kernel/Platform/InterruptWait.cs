namespace Kernel.Platform;

using Kernel.Drivers.Virtio;
using Kernel.Interrupts;

/// <summary>
/// Waiting for a device by interrupt: <see cref="Wait"/> sleeps in <c>wfi</c> until the PLIC raises hart 0's machine
/// external interrupt (mie.MEIE set, mstatus.MIE clear: no trap is taken), then claims the interrupt and completes it,
/// and returns; the driver then acknowledges the device (InterruptStatus, InterruptACK) and looks at its used ring.
/// The time limit is enforced with the machine timer: mtimecmp is set to the deadline and mie.MTIE is set for the
/// duration of the <c>wfi</c>, so a device that never interrupts cannot keep the hart asleep.
/// <c>blk.completion=irq</c>. The PLIC must have the device's source enabled (<see cref="InterruptSetup"/>).
/// </summary>
public struct InterruptWait : ICompletionWait, IWaitCounters
{
    readonly Plic _plic;
    readonly MachineTimer _timer;
    readonly ulong _limitTicks;
    ulong _deadline;
    ulong _waits;
    ulong _interrupts;

    public InterruptWait(Plic plic, MachineTimer timer, ulong limitTicks)
    {
        _plic = plic;
        _timer = timer;
        _limitTicks = limitTicks == 0 ? 1 : limitTicks;
        _deadline = 0;
        _waits = 0;
        _interrupts = 0;
    }

    /// <summary><see cref="PollingWait.DefaultLimitSeconds"/> on the hardware's timebase.</summary>
    public static InterruptWait WithDefaultLimit(in InterruptHardware hardware) =>
        new InterruptWait(hardware.Plic, hardware.Timer, hardware.TimebaseFrequency * PollingWait.DefaultLimitSeconds);

    public readonly bool UsesInterrupts => true;

    public readonly ulong Waits => _waits;

    public readonly ulong InterruptsClaimed => _interrupts;

    public void Start()
    {
        _deadline = Deadline.After(_limitTicks);
        _timer.SetCompare(_deadline);
    }

    public bool Wait()
    {
        if (MachineTimer.Now >= _deadline)
        {
            return false;
        }

        // A wfi with an interrupt already pending returns at once: a completion that arrived after the driver's
        // look is not slept through. The timer only bounds the sleep; it is never claimed anywhere.
        _waits++;
        MachineInterrupts.EnableTimerWakeUp();
        MachineInterrupts.WaitForInterrupt();
        MachineInterrupts.DisableTimerWakeUp();

        uint source = _plic.Claim();
        if (source != 0)
        {
            _plic.Complete(source);
            _interrupts++;
        }

        return true;
    }
}
