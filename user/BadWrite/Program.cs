namespace User.BadWrite;

/// <summary>
/// Stores into the kernel's first page (0x80200000: mapped, but without U, so U-mode may not touch it): a store
/// page fault, and the kernel kills this process with a line naming it, the cause, the address and the pc.
/// </summary>
public static unsafe class Program
{
    const ulong KernelAddress = 0x8020_0000;

    public static int Main()
    {
        Out.Text("badwrite: writing to kernel address ");
        Out.Hex(KernelAddress);
        Out.Line();
        *(uint*)(nuint)KernelAddress = 0xDEAD_BEEF;
        Out.Line("badwrite: error: the write did not fault");
        return 1;
    }
}
