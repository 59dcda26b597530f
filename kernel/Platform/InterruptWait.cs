namespace Kernel.Platform;

using Kernel.Drivers.Virtio;
using Kernel.Interrupts;
using Kernel.Sbi;

/// <summary>
/// Waiting for a device by interrupt: <see cref="Wait"/> completes the PLIC sources the trap handler claimed since
/// the last look (the driver has served its device since: read and acknowledged InterruptStatus, looked at the
/// used ring), then sleeps in <c>wfi</c> until the PLIC raises the supervisor external interrupt or the deadline's
/// timer interrupt comes, lets them trap (<see cref="SupervisorInterrupts.WaitForInterrupt"/>,
/// <see cref="InterruptTraps"/>), and returns; the driver then looks at its used ring again. The time limit is an
/// SBI set_timer at the deadline, so a device that never interrupts cannot keep the hart asleep.
/// <c>blk.completion=irq</c>. The PLIC must have the device's source enabled (<see cref="InterruptSetup"/>).
/// </summary>
public struct InterruptWait : ICompletionWait, IWaitCounters
{
    readonly ulong _limitTicks;
    ulong _deadline;
    ulong _waits;
    ulong _interrupts;

    public InterruptWait(ulong limitTicks)
    {
        _limitTicks = limitTicks == 0 ? 1 : limitTicks;
        _deadline = 0;
        _waits = 0;
        _interrupts = 0;
    }

    /// <summary><see cref="PollingWait.DefaultLimitSeconds"/> on the hardware's timebase.</summary>
    public static InterruptWait WithDefaultLimit(in InterruptHardware hardware) =>
        new InterruptWait(hardware.TimebaseFrequency * PollingWait.DefaultLimitSeconds);

    public readonly bool UsesInterrupts => true;

    public readonly ulong Waits => _waits;

    public readonly ulong InterruptsClaimed => _interrupts;

    public void Start() => _deadline = Deadline.After(_limitTicks);

    public bool Wait()
    {
        InterruptTraps.CompleteClaimed();
        if (SbiTimer.Now >= _deadline)
        {
            return false;
        }

        // The timer is armed lazily (one SBI call when the deadline changes): a request that completes before the
        // first wait costs none. A wfi with an interrupt already pending returns at once, so a completion that
        // arrived after the driver's look is not slept through.
        _waits++;
        InterruptTraps.ArmTimer(_deadline);
        ulong before = InterruptTraps.Claims;
        SupervisorInterrupts.WaitForInterrupt();
        _interrupts += InterruptTraps.Claims - before;
        return true;
    }
}
