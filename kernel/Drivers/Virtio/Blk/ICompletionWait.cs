namespace Kernel.Drivers.Virtio;

/// <summary>How a driver waits for its device to complete a request: polling (spin and look again) or
/// interrupts (sleep with <c>wfi</c> until the device's interrupt line rises). Passed as a generic struct
/// parameter, like the register and DMA interfaces, so the choice costs nothing at run time. The kernel
/// implements both (<c>Kernel.Platform.PollingWait</c>, <c>Kernel.Platform.InterruptWait</c>, the latter with
/// the PLIC); the host tests implement it over the fake device.</summary>
public interface ICompletionWait
{
    /// <summary>True when the device signals completions with its interrupt: before each look at the used ring the
    /// driver reads InterruptStatus and acknowledges it (virtio 4.2.2), which lowers the device's line, so a completion
    /// published after the look raises the line again and the next <see cref="Wait"/> returns. False: the driver asks
    /// the device not to interrupt (VIRTQ_AVAIL_F_NO_INTERRUPT) and never touches InterruptStatus while polling.
    /// Read at <c>Initialize</c> (and when the wait is replaced).</summary>
    bool UsesInterrupts { get; }

    /// <summary>Starts timing one wait (a request, or a batch of requests, to complete).</summary>
    void Start();

    /// <summary>Gives the device time: returns after a short spin (polling) or after the next interrupt, having
    /// claimed and completed it at the interrupt controller (interrupts). The driver then looks at the used ring
    /// again. Returns false once the time limit counted from <see cref="Start"/> has passed: the driver then resets the
    /// device and fails the requests in flight with <c>BlockError.Timeout</c>.
    /// <para>Interrupts: the driver calls it only after looking at the used ring and finding nothing it waits for, with
    /// the device's line acknowledged; <c>wfi</c> with mstatus.MIE clear and mie.MEIE set returns at once when the
    /// PLIC already has the interrupt pending, so a completion between the look and the <c>wfi</c> is not slept
    /// through. A wake-up for another device is harmless: the driver looks again.</para></summary>
    bool Wait();
}
