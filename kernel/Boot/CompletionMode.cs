namespace Kernel.Boot;

/// <summary>How the kernel waits for a block device to complete a request (<c>blk.completion=</c>).</summary>
public enum CompletionMode
{
    /// <summary><c>poll</c>: spin on the used ring (<c>Kernel.Platform.PollingWait</c>); the default.</summary>
    Poll,

    /// <summary><c>irq</c>: sleep in <c>wfi</c> until the PLIC raises the device's interrupt
    /// (<c>Kernel.Platform.InterruptWait</c>).</summary>
    Interrupt,
}
