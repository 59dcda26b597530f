namespace Kernel.Processes;

/// <summary>
/// What a sleeping process waits for (xv6's sleep channels): a number that the code which makes the condition true
/// passes to <see cref="Scheduler.Wakeup"/>. Woken processes check their condition again, so a wake-up too many is
/// harmless and none is lost: the kernel runs with interrupts off from the check to the sleep.
/// </summary>
public static class WaitChannel
{
    /// <summary>Any interrupt: a device's completion (virtio-blk), a byte on the console, the timer (a deadline).</summary>
    public const nuint Interrupt = 1;

    /// <summary>The block layer's lock (<see cref="BlockCalls"/>) became free.</summary>
    public const nuint BlockLayer = 2;

    /// <summary>A child of process <paramref name="pid"/> exited.</summary>
    public static nuint ChildOf(int pid) => (nuint)(0x1000 + pid);
}
