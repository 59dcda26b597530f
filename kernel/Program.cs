using System;
using System.Runtime.Intrinsics.RiscV;
using Internal.Runtime;
using Kernel.Boot;
using Kernel.DeviceTree;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;

namespace Kernel;

/// <summary>
/// The kernel's entry: the boot code has set up a stack, .bss and the trap vector, and calls Main on hart 0 in
/// M-mode. Boot sequence (kernel/README.md): read the device tree, print the banner, hand the free RAM to the page
/// allocator, parse the command line, find the virtio-mmio devices, then the disk demo or test mode. The return
/// value is the exit status QEMU ends with.
/// </summary>
public static class Program
{
    public static int Main()
    {
        // RuntimeInformation.Arch is a compile-time constant (docs/abi.md): only one path is compiled in.
        if (RuntimeInformation.Arch == TargetArch.Host)
        {
            Print.Line("rvc kernel: the kernel drives QEMU's RISC-V virt machine; boot it with --arch rv32 or rv64");
            return 1;
        }

        nuint dtbAddress = BootInfo.DeviceTreeAddress;
        nuint kernelEnd = BootInfo.KernelEnd;
        FlattenedDeviceTree tree = default;
        DeviceTreeInfo info = default;
        bool haveTree = false;
        // The tree must lie above the image (QEMU puts it at the top of RAM): an address below is no device tree
        // at all, and reading there could even hit a device register.
        string treeError = dtbAddress == 0 ? "no address" : "address inside or below the kernel image";
        if (dtbAddress >= kernelEnd && FlattenedDeviceTree.TryOpen(dtbAddress, out tree, out treeError))
        {
            haveTree = DeviceTreeScanner.Scan(tree, out info);
            if (!haveTree)
            {
                // Half a tree is no better than none: nothing of it is used.
                info = default;
                treeError = "malformed structure block";
            }
        }

        PrintBanner(info, haveTree, treeError);
        SetUpPageAllocator(tree, info, haveTree, kernelEnd);

        ReadOnlySpan<byte> commandLine = haveTree ? info.BootArgs : default;
        if (!KernelCommandLine.TryParse(commandLine, out KernelOptions options))
        {
            return 1;
        }

        Span<VirtioMmioNode> windows = stackalloc VirtioMmioNode[VirtioDiscovery.MaxWindows];
        int count = VirtioDiscovery.CollectWindows(haveTree, info, windows);
        int block = VirtioDiscovery.ProbeAndLog(windows.Slice(0, count));
        if (block < 0)
        {
            Print.Line("virtio-blk: no device found");
            return 1;
        }

        return BlockDemo.Run(new MmioRegisters((nuint)windows[block].BaseAddress), options);
    }

    private static void PrintBanner(in DeviceTreeInfo info, bool haveTree, string treeError)
    {
        Print.Text("rvc kernel on ");
        Print.Text(RuntimeInformation.Arch == TargetArch.RiscV32 ? "rv32" : "rv64");
        Print.Text(", hart ");
        // M-mode: the hart id is a CSR away (the boot code parks every other hart).
        Print.Decimal((ulong)Rv.ReadCsr(Csr.Mhartid));
        Print.Line();

        if (!haveTree)
        {
            Print.Text("device tree: none (");
            Print.Text(treeError);
            Print.Line("), probing QEMU virt's virtio-mmio slots");
        }

        Print.Text("memory: ");
        if (haveTree && info.MemoryTotal != 0)
        {
            Print.Size(info.MemoryTotal);
            Print.Text(" at ");
            Print.Hex(info.MemoryBase);
            Print.Line();
        }
        else
        {
            Print.Size(BootInfo.LinkerRamSize);
            Print.Text(" at ");
            Print.Hex(BootInfo.RamBase);
            Print.Line(" (assumed: linker/virt.ld)");
        }

        Print.Text("timebase: ");
        if (info.TimebaseFrequency != 0)
        {
            Print.Decimal(info.TimebaseFrequency);
            Print.Line(" Hz");
        }
        else
        {
            Print.Line("unknown");
        }

        Print.Text("cmdline: ");
        if (info.BootArgs.IsEmpty)
        {
            Print.Line("(none)");
        }
        else
        {
            Print.Ascii(info.BootArgs);
            Print.Line();
        }
    }

    /// <summary>
    /// Free RAM: from the end of the image to the end of the memory range holding it, less the device tree blob
    /// (the command line and the tree must stay readable) and its <c>/memreserve/</c> entries.
    /// </summary>
    private static void SetUpPageAllocator(in FlattenedDeviceTree tree, in DeviceTreeInfo info, bool haveTree, nuint kernelEnd)
    {
        ulong ramBase = BootInfo.RamBase;
        ulong ramSize = BootInfo.LinkerRamSize;
        if (haveTree && info.MemorySize != 0 && info.MemoryBase <= kernelEnd && kernelEnd - info.MemoryBase <= info.MemorySize)
        {
            ramBase = info.MemoryBase;
            ramSize = info.MemorySize;
        }

        ulong ramEnd = ramBase + ramSize;
        // rv32: memory reaching the top of the address space ends at its last page.
        nuint end = ramEnd > nuint.MaxValue ? nuint.MaxValue : (nuint)ramEnd;
        PageAllocator.Initialize(kernelEnd, end);
        if (!haveTree)
        {
            return;
        }

        PageAllocator.Reserve(tree.Address, tree.TotalSize);
        for (int i = 0; tree.TryGetReservation(i, out ulong address, out ulong size); i++)
        {
            PageAllocator.Reserve(address, size);
        }
    }
}
