using System;
using System.Runtime.Intrinsics.RiscV;
using Internal.Runtime;
using Kernel.Boot;
using Kernel.DeviceTree;
using Kernel.Drivers.Virtio;
using Kernel.Interrupts;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Shell;
using Kernel.Storage;

namespace Kernel;

/// <summary>
/// The kernel's entry: the boot code has set up a stack, .bss and the trap vector, and calls Main on hart 0 in
/// M-mode. Boot sequence (kernel/README.md): read the device tree, print the banner, hand the free RAM to the page
/// allocator, parse the command line, set up the PLIC, find the virtio-mmio devices, register the block devices
/// (blk0, blk1, ...), then the shell, or the disk demo or test modes on blk0. The return value is the exit status
/// QEMU ends with.
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

        // The PLIC and the hart's interrupt enables are set up whatever the completion mode: every source off,
        // mstatus.MIE clear (no interrupt ever traps), mie.MEIE set so that wfi wakes on an enabled source.
        InterruptHardware hardware = InterruptHardware.Locate(haveTree, info);
        InterruptSetup.Initialize(hardware);

        Span<VirtioMmioNode> windows = stackalloc VirtioMmioNode[VirtioDiscovery.MaxWindows];
        int count = VirtioDiscovery.CollectWindows(haveTree, info, windows);
        Span<int> blockWindows = stackalloc int[VirtioDiscovery.MaxWindows];
        int blocks = VirtioDiscovery.ProbeAndLog(windows.Slice(0, count), blockWindows);
        if (blocks == 0)
        {
            Print.Line("virtio-blk: no device found");
            if (!options.Shell)
            {
                return 1;
            }
        }

        PrintCompletion(options, hardware);
        // One instantiation of the block layer, the demo and the shell per wait: the choice is made once, here.
        ReadOnlySpan<VirtioMmioNode> found = windows.Slice(0, count);
        ReadOnlySpan<int> blockList = blockWindows.Slice(0, blocks);
        ulong timebase = hardware.TimebaseFrequency;
        ulong limit = timebase * options.TimeoutSeconds;
        ulong warn = timebase * options.WarnSeconds;
        return options.Completion == CompletionMode.Interrupt
            ? RunBlockLayer(new InterruptWait(hardware.Plic, hardware.Timer, limit, warn, timebase), found, blockList, options, hardware)
            : RunBlockLayer(new PollingWait(limit, warn, timebase), found, blockList, options, hardware);
    }

    /// <summary>Registers the block devices (blk0, blk1, ...), then runs the shell, or the demo and test modes on
    /// blk0. Returns the exit status.</summary>
    private static int RunBlockLayer<TWait>(TWait wait, ReadOnlySpan<VirtioMmioNode> windows, ReadOnlySpan<int> blockWindows,
        in KernelOptions options, in InterruptHardware hardware)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        BlockDeviceTable<TWait> table = default;
        int failures = BlockRegistry.Register(ref table, windows, blockWindows, wait, options.QueueSize, hardware);
        if (options.Shell)
        {
            return CommandShell.Run(ref table, hardware);
        }

        if (table.Count == 0)
        {
            // Every device failed; the errors are printed.
            return 1;
        }

        if (options.Bench.Enabled)
        {
            // The benchmark on blk0 instead of the demo and the test modes; then power off.
            return Kernel.Bench.BenchMode.Run(ref table[0], options.Bench, hardware.TimebaseFrequency);
        }

        if (options.HasFill)
        {
            // blk.fill first; the other test modes, if any, after it.
            int status = FillTest.Run(ref table[0].Driver, options.FillSeed, hardware.TimebaseFrequency);
            if (status != 0 || !options.HasSectorTestMode)
            {
                return status;
            }
        }

        return BlockDemo.Run(ref table[0].Driver, options);
    }

    private static void PrintCompletion(in KernelOptions options, in InterruptHardware hardware)
    {
        if (options.Completion == CompletionMode.Poll)
        {
            Print.Line("blk: completion by polling");
            return;
        }

        Print.Text("blk: completion by interrupt (plic@");
        Print.Hex(hardware.Plic.BaseAddress);
        Print.Text(", context ");
        Print.Decimal((ulong)hardware.Plic.Context);
        Print.Line(hardware.FromDeviceTree ? ")" : ", assumed: no PLIC in the device tree)");
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
