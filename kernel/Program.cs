using System;
using System.Runtime.Intrinsics.RiscV;
using Internal.Runtime;
using Kernel.Boot;
using Kernel.DeviceTree;
using Kernel.Drivers.Virtio;
using Kernel.Interrupts;
using Kernel.Memory;
using Kernel.Memory.Paging;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Processes;
using Kernel.Sbi;
using Kernel.Shell;
using Kernel.Storage;

namespace Kernel;

/// <summary>
/// The kernel's entry: SBI firmware started Start/entry.S in S-mode, which set up a stack, .bss and the trap vector
/// and calls Main. Boot sequence (kernel/README.md): take the console through SBI, read the device tree, print the
/// banner, hand the free RAM to the page allocator, parse the command line, build the page tables and turn paging
/// on, set up the PLIC, find the virtio-mmio devices, register the block devices (blk0, blk1, ...), then the shell,
/// or the disk demo or test modes on blk0. The return value is the exit status (Sbi/PowerOffHandler).
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

        // Before anything prints: the console is the firmware's.
        SbiConsole.Install();
        SbiTimer.Probe();

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

        InterruptHardware hardware = InterruptHardware.Locate(haveTree, info);
        Span<VirtioMmioNode> windows = stackalloc VirtioMmioNode[VirtioDiscovery.MaxWindows];
        int count = VirtioDiscovery.CollectWindows(haveTree, info, windows);

        KernelLayout layout = KernelLayout.Current;
        if (!SetUpPaging(layout, tree, info, haveTree, hardware, windows.Slice(0, count)))
        {
            return 1;
        }

        if (options.Fault != FaultKind.None)
        {
            FaultTest.Run(options.Fault, layout);
            Print.Line("fault: error: no trap happened");
            return 1;
        }

        // The PLIC and the hart's interrupt enables are set up whatever the completion mode: every source off,
        // sstatus.SIE clear (interrupts trap only inside a wait), sie.SEIE and STIE set so that wfi wakes.
        InterruptSetup.Initialize(hardware);
        Span<int> blockWindows = stackalloc int[VirtioDiscovery.MaxWindows];
        int blocks = VirtioDiscovery.ProbeAndLog(windows.Slice(0, count), blockWindows);
        if (blocks == 0)
        {
            Print.Line("virtio-blk: no device found");
            if (!options.Shell && !options.UserShell && !options.HasInit)
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
            ? RunBlockLayer(new InterruptWait(limit, warn, timebase), found, blockList, options, hardware)
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

        if (options.UserShell || options.HasInit)
        {
            return UserMode.Run(ref table, options, hardware);
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

        if (options.HasReinit)
        {
            // blk.reinit first: the test modes after it run on the device it re-initialised so often.
            int status = ReinitTest.Run(ref table[0].Driver, options.ReinitCount);
            if (status != 0 || !(options.HasFill || options.HasSectorTestMode))
            {
                return status;
            }
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
        Print.Text(", S-mode context ");
        Print.Decimal((ulong)hardware.Plic.Context);
        Print.Line(hardware.FromDeviceTree ? ")" : ", assumed: no PLIC in the device tree)");
    }

    private static void PrintBanner(in DeviceTreeInfo info, bool haveTree, string treeError)
    {
        Print.Text("rvc kernel on ");
        Print.Text(RuntimeInformation.Arch == TargetArch.RiscV32 ? "rv32" : "rv64");
        Print.Text(", hart ");
        // The firmware's a0: S-mode cannot read mhartid.
        Print.Decimal((ulong)BootInfo.HartId);
        Print.Line();
        PrintFirmware();

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
            Print.Line(" (assumed: QEMU virt's)");
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

    /// <summary><c>firmware: OpenSBI 1.1, SBI 1.0</c>: who implements SBI (base extension) and which version of the
    /// specification; OpenSBI's implementation version is major &lt;&lt; 16 | minor, others' are shown in hex.</summary>
    private static void PrintFirmware()
    {
        nuint id = SbiBase.ImplementationId;
        nuint version = SbiBase.ImplementationVersion;
        nuint spec = SbiBase.SpecVersion;
        Print.Text("firmware: ");
        Print.Text(SbiBase.ImplementationName(id));
        if (id == 1)
        {
            Print.Text(" ");
            Print.Decimal((ulong)(version >> 16));
            Print.Text(".");
            Print.Decimal((ulong)(version & 0xFFFF));
        }
        else if (id == SbiBase.OwnFirmwareId)
        {
            Print.Text(" version ");
            Print.Hex(version);
        }
        else
        {
            Print.Text(" (implementation ");
            Print.Hex(id);
            Print.Text(") version ");
            Print.Hex(version);
        }

        Print.Text(", SBI ");
        Print.Decimal((ulong)((spec >> 24) & 0x7F));
        Print.Text(".");
        Print.Decimal((ulong)(spec & 0xFF_FFFF));
        Print.Line(SbiConsole.UsesDebugConsole ? ", console DBCN" : ", console legacy");
    }

    /// <summary>
    /// The page tables (<see cref="KernelAddressSpace"/>): the image section by section, the free RAM, the device
    /// tree, the UART, the PLIC and the virtio-mmio windows, then satp. Prints <c>paging: Sv39, N KiB of page
    /// tables</c>; false after <c>paging: error: ...</c>.
    /// </summary>
    private static bool SetUpPaging(in KernelLayout layout, in FlattenedDeviceTree tree, in DeviceTreeInfo info, bool haveTree,
        in InterruptHardware hardware, ReadOnlySpan<VirtioMmioNode> windows)
    {
        nuint freeStart = PageAllocator.FreeStart;
        nuint freeEnd = PageAllocator.FreeEnd;
        ulong ramStart = haveTree && info.MemorySize != 0 ? info.MemoryBase : BootInfo.RamBase;
        ulong ramEnd = ramStart + (haveTree && info.MemorySize != 0 ? info.MemorySize : BootInfo.LinkerRamSize);
        if (!KernelAddressSpace.Create(ramStart, ramEnd))
        {
            Print.Line("paging: error: no memory for the root page table");
            return false;
        }

        const PteFlags ReadWrite = PteFlags.R | PteFlags.W;
        bool ok = KernelAddressSpace.MapKernelImage(layout)
            && KernelAddressSpace.MapIdentity(freeStart, freeEnd, ReadWrite, "the free RAM")
            && (!haveTree || KernelAddressSpace.MapIdentity(tree.Address, tree.Address + tree.TotalSize, PteFlags.R, "the device tree"))
            && KernelAddressSpace.MapIdentity(UartInput.BaseAddress, UartInput.BaseAddress + 1, ReadWrite, "the UART")
            && KernelAddressSpace.MapIdentity(hardware.Plic.BaseAddress, hardware.Plic.BaseAddress + PlicWindowSize(info, haveTree), ReadWrite, "the PLIC");
        for (int i = 0; ok && i < windows.Length; i++)
        {
            ok = KernelAddressSpace.MapIdentity(windows[i].BaseAddress, windows[i].BaseAddress + windows[i].Size, ReadWrite, "a virtio-mmio window");
        }

        if (!ok)
        {
            return false;
        }

        if (!KernelAddressSpace.Enable())
        {
            Print.Text("paging: error: the hart does not implement ");
            Print.Line(KernelAddressSpace.ModeName);
            return false;
        }

        Print.Text("paging: ");
        Print.Text(KernelAddressSpace.ModeName);
        Print.Text(", ");
        Print.Decimal((ulong)((PageAllocator.FreeStart - freeStart) / 1024));
        Print.Line(" KiB of page tables");
        return true;
    }

    /// <summary>The PLIC's register window: the tree's <c>reg</c> size, else enough for QEMU virt's contexts of hart 0.</summary>
    private static ulong PlicWindowSize(in DeviceTreeInfo info, bool haveTree)
        => haveTree && info.PlicSize != 0 ? info.PlicSize : 0x0040_0000;

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
