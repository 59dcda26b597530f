namespace Kernel.Sbi;

/// <summary>
/// System Reset (SBI 2.0, chapter 10, EID "SRST" 0x53525354): the kernel's power-off. Shutdown with reason
/// "no reason" for status 0, "system failure" otherwise; the legacy shutdown (EID 0x08) when the firmware has no
/// SRST. Under QEMU the firmware ends the emulator through the virt machine's test device: the project's own
/// firmware carries the reason as QEMU's exit status, OpenSBI v1.1 always exits 0 (docs/abi.md).
/// </summary>
public static class SbiReset
{
    public const nuint ExtensionId = 0x53525354;
    const nuint SystemReset = 0;
    const nuint TypeShutdown = 0;
    const nuint ReasonNone = 0;
    const nuint ReasonSystemFailure = 1;
    const nuint LegacyShutdown = 0x08;

    /// <summary>Shuts the machine down; returns only if the firmware could not.</summary>
    public static void Shutdown(bool failure)
    {
        SbiCall.Invoke(ExtensionId, SystemReset, TypeShutdown, failure ? ReasonSystemFailure : ReasonNone, 0, out _);
        SbiCall.InvokeLegacy(LegacyShutdown, 0);
    }
}
