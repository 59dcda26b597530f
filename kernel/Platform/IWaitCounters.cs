namespace Kernel.Platform;

/// <summary>What the kernel's waits count, for <c>blk list</c>: evidence of how completions were waited for.</summary>
public interface IWaitCounters
{
    /// <summary>Calls of <c>Wait</c>: polls (polling) or sleeps in <c>wfi</c> (interrupts), all requests together.</summary>
    ulong Waits { get; }

    /// <summary>Interrupts claimed at the PLIC after a <c>wfi</c> (0 when polling).</summary>
    ulong InterruptsClaimed { get; }
}
