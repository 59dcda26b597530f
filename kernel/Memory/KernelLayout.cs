namespace Kernel.Memory;

using System.Runtime.InteropServices;

/// <summary>
/// Where the kernel image's sections are (Start/kernel.ld's symbols, read through entry.S's table): each bound
/// on a page, so that the page tables give each section its own rights. The guard pages under the three stacks
/// are left unmapped.
/// </summary>
public readonly unsafe struct KernelLayout
{
    // The order of entry.S's rvc_layout_table.
    public readonly nuint KernelStart;
    public readonly nuint TextStart;
    public readonly nuint TextEnd;
    public readonly nuint RodataStart;
    public readonly nuint RodataEnd;
    public readonly nuint DataStart;
    public readonly nuint DataEnd;
    public readonly nuint StackGuard;
    public readonly nuint TrapStackGuard;
    public readonly nuint NestedStackGuard;
    public readonly nuint KernelEnd;

    public static KernelLayout Current => *(KernelLayout*)rvc_kernel_layout();

    /// <summary>Whether the page at <paramref name="page"/> is one of the stacks' guard pages.</summary>
    public bool IsGuardPage(nuint page) => page == StackGuard || page == TrapStackGuard || page == NestedStackGuard;

    [DllImport("*")]
    private static extern void* rvc_kernel_layout();
}
