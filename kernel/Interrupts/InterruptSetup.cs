namespace Kernel.Interrupts;

/// <summary>
/// Puts the PLIC and the hart in the state the kernel's waits expect: every source of the boot hart's S-mode
/// context disabled, threshold 0, sstatus.SIE clear, sie.SEIE and sie.STIE set, the trap handler told the context. Sources are then enabled one by one
/// (<see cref="EnableSource"/>): each virtio-blk device's with <c>blk.completion=irq</c>, the UART's in the shell.
/// </summary>
public static class InterruptSetup
{
    /// <summary>The priority every enabled source gets: the lowest that interrupts (above threshold 0).</summary>
    public const uint SourcePriority = 1;

    public static void Initialize(in InterruptHardware hardware)
    {
        Plic plic = hardware.Plic;
        plic.DisableAll(hardware.SourceCount);
        plic.SetThreshold(0);
        InterruptTraps.Initialize(plic);
        SupervisorInterrupts.Initialize();
    }

    /// <summary>Lets <paramref name="source"/> wake the hart; false (and nothing done) when the PLIC has no such source.</summary>
    public static bool EnableSource(in InterruptHardware hardware, uint source)
    {
        if (!hardware.IsValidSource(source))
        {
            return false;
        }

        Plic plic = hardware.Plic;
        plic.SetPriority(source, SourcePriority);
        plic.Enable(source);
        return true;
    }
}
