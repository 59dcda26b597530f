namespace Kernel.Boot;

using System.Runtime.InteropServices;

/// <summary>What the boot code (runtime-stub/boot/riscv.S) knows and C# cannot reach by itself: the device-tree
/// address the machine passed in a1, and where the kernel image ends (a linker symbol). See docs/abi.md.</summary>
public static unsafe class BootInfo
{
    /// <summary>QEMU virt's RAM starts here, and the image with it (linker/virt.ld).</summary>
    public const ulong RamBase = 0x8000_0000;

    /// <summary>linker/virt.ld's RAM size, QEMU's default; assumed when the device tree does not say.</summary>
    public const ulong LinkerRamSize = 128UL * 1024 * 1024;

    /// <summary>The device tree's address as the machine handed it over (a1 at entry); not validated.</summary>
    public static nuint DeviceTreeAddress => (nuint)rvc_device_tree();

    /// <summary>The first byte after the image and its boot stack: free RAM starts here.</summary>
    public static nuint KernelEnd => (nuint)rvc_kernel_end();

    [DllImport("*")]
    private static extern void* rvc_device_tree();

    [DllImport("*")]
    private static extern void* rvc_kernel_end();
}
