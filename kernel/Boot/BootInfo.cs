namespace Kernel.Boot;

using System.Runtime.InteropServices;

/// <summary>What the entry code (Start/entry.S) knows and C# cannot reach by itself: the hart id and device-tree
/// address the firmware passed in a0 and a1, and where the kernel image ends (a linker symbol).</summary>
public static unsafe class BootInfo
{
    /// <summary>QEMU virt's RAM starts here; the firmware takes its first 2 MiB, the kernel is loaded after them.</summary>
    public const ulong RamBase = 0x8000_0000;

    /// <summary>QEMU virt's default RAM size; assumed when the device tree does not say.</summary>
    public const ulong LinkerRamSize = 128UL * 1024 * 1024;

    /// <summary>The device tree's address as the machine handed it over (a1 at entry); not validated.</summary>
    public static nuint DeviceTreeAddress => (nuint)rvc_device_tree();

    /// <summary>The first byte after the image and its boot stack: free RAM starts here.</summary>
    public static nuint KernelEnd => (nuint)rvc_kernel_end();

    /// <summary>The hart the firmware started the kernel on (a0 at entry).</summary>
    public static nuint HartId => (nuint)rvc_boot_hart_id();

    [DllImport("*")]
    private static extern void* rvc_device_tree();

    [DllImport("*")]
    private static extern void* rvc_boot_hart_id();

    [DllImport("*")]
    private static extern void* rvc_kernel_end();
}
