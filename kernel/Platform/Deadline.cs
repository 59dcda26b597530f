namespace Kernel.Platform;

using Kernel.Sbi;

/// <summary>Deadlines on the <c>time</c> CSR (64 bits at 10 MHz on QEMU virt: no wrap-around in 58 000 years).</summary>
public static class Deadline
{
    /// <summary>Now plus <paramref name="ticks"/>, saturating.</summary>
    public static ulong After(ulong ticks)
    {
        ulong now = SbiTimer.Now;
        return now > ulong.MaxValue - ticks ? ulong.MaxValue : now + ticks;
    }
}
