namespace Kernel.DeviceTree;

using System;

/// <summary>
/// Reads what the kernel needs from a device tree in one walk: memory (<c>device_type = "memory"</c> nodes, or
/// nodes named <c>memory</c> under the root), <c>/cpus</c>' timebase frequency and hart 0's interrupt controller,
/// every <c>virtio,mmio</c> node's <c>reg</c> and <c>interrupts</c>, the PLIC (<c>reg</c>, <c>riscv,ndev</c>,
/// <c>interrupts-extended</c>), the CLINT and the NS16550A UART, and <c>/chosen/bootargs</c>. <c>reg</c> is decoded with the parent's
/// <c>#address-cells</c> and <c>#size-cells</c> (defaults 2 and 1, devicetree specification 0.4, 2.3.5).
/// </summary>
public static unsafe class DeviceTreeScanner
{
    /// <summary>False when the structure block is malformed; what was read before the fault is kept.</summary>
    public static bool Scan(in FlattenedDeviceTree tree, out DeviceTreeInfo info)
    {
        info = default;
        // Index d: what the node at depth d declares for its children.
        uint* addressCells = stackalloc uint[FdtWalker.MaxDepth];
        uint* sizeCells = stackalloc uint[FdtWalker.MaxDepth];

        // The node whose properties are being read. Properties come before subnodes (specification 5.4.1), so
        // a node is complete at the next BeginNode or EndNode: that is when it is classified.
        bool pending = false;
        int depth = 0;
        bool isMemory = false;
        bool isVirtio = false;
        ReadOnlySpan<byte> reg = default;
        ReadOnlySpan<byte> interrupts = default;
        NodeExtras extras = default;

        // The hart id (reg) of the /cpus/cpu@N node being read, for its interrupt-controller child.
        ulong cpuHartId = ulong.MaxValue;

        // Which top-level node the walk is inside.
        bool inCpus = false;
        bool inChosen = false;

        var walker = tree.Walk();
        while (walker.MoveNext())
        {
            switch (walker.Kind)
            {
                case FdtItemKind.BeginNode:
                    if (pending)
                    {
                        Classify(ref info, depth, isMemory, isVirtio, reg, interrupts, addressCells, sizeCells);
                        ClassifyExtras(ref info, depth, inCpus, ref cpuHartId, extras, reg, interrupts, addressCells, sizeCells);
                    }

                    pending = true;
                    depth = walker.Depth;
                    addressCells[depth] = 2;
                    sizeCells[depth] = 1;
                    isMemory = depth == 1 && NodeNameIs(walker.Name, "memory"u8);
                    isVirtio = false;
                    reg = default;
                    interrupts = default;
                    extras = default;
                    if (depth == 1)
                    {
                        inCpus = NodeNameIs(walker.Name, "cpus"u8);
                        inChosen = NodeNameIs(walker.Name, "chosen"u8);
                    }

                    break;

                case FdtItemKind.Property:
                    if (!pending || walker.Depth != depth)
                    {
                        // A property after a subnode: out of place; ignored rather than given to the wrong node.
                        break;
                    }

                    ReadOnlySpan<byte> name = walker.Name;
                    ReadOnlySpan<byte> value = walker.Value;
                    if (name.SequenceEqual("#address-cells"u8) && value.Length == 4)
                    {
                        addressCells[depth] = FlattenedDeviceTree.ReadBigEndian32(value, 0);
                    }
                    else if (name.SequenceEqual("#size-cells"u8) && value.Length == 4)
                    {
                        sizeCells[depth] = FlattenedDeviceTree.ReadBigEndian32(value, 0);
                    }
                    else if (name.SequenceEqual("device_type"u8))
                    {
                        isMemory |= depth == 1 && StringValue(value).SequenceEqual("memory"u8);
                    }
                    else if (name.SequenceEqual("reg"u8))
                    {
                        reg = value;
                    }
                    else if (name.SequenceEqual("interrupts"u8))
                    {
                        interrupts = value;
                    }
                    else if (name.SequenceEqual("compatible"u8))
                    {
                        isVirtio |= ListContains(value, "virtio,mmio"u8);
                        extras.IsPlic |= ListContains(value, "riscv,plic0"u8) || ListContains(value, "sifive,plic-1.0.0"u8);
                        extras.IsClint |= ListContains(value, "riscv,clint0"u8) || ListContains(value, "sifive,clint0"u8);
                        extras.IsUart |= ListContains(value, "ns16550a"u8);
                        extras.IsCpuIntc |= ListContains(value, "riscv,cpu-intc"u8);
                    }
                    else if (name.SequenceEqual("phandle"u8) && value.Length == 4)
                    {
                        extras.Phandle = FlattenedDeviceTree.ReadBigEndian32(value, 0);
                    }
                    else if (name.SequenceEqual("riscv,ndev"u8) && value.Length == 4)
                    {
                        extras.SourceCount = FlattenedDeviceTree.ReadBigEndian32(value, 0);
                    }
                    else if (name.SequenceEqual("interrupts-extended"u8))
                    {
                        extras.InterruptsExtended = value;
                    }
                    else if (name.SequenceEqual("timebase-frequency"u8) && inCpus && depth <= 2)
                    {
                        // /cpus holds it for all CPUs; a cpu node may instead (specification 3.7, 3.8).
                        if (depth == 1 || info.TimebaseFrequency == 0)
                        {
                            info.TimebaseFrequency = ReadNumber(value);
                        }
                    }
                    else if (name.SequenceEqual("bootargs"u8) && inChosen && depth == 1)
                    {
                        info.SetBootArgs(StringValue(value));
                    }

                    break;

                case FdtItemKind.EndNode:
                    if (pending)
                    {
                        Classify(ref info, depth, isMemory, isVirtio, reg, interrupts, addressCells, sizeCells);
                        ClassifyExtras(ref info, depth, inCpus, ref cpuHartId, extras, reg, interrupts, addressCells, sizeCells);
                        pending = false;
                    }

                    if (walker.Depth == 1)
                    {
                        inCpus = false;
                        inChosen = false;
                    }

                    break;
            }
        }

        return !walker.Failed;
    }

    private static void Classify(ref DeviceTreeInfo info, int depth, bool isMemory, bool isVirtio,
        ReadOnlySpan<byte> reg, ReadOnlySpan<byte> interrupts, uint* addressCells, uint* sizeCells)
    {
        if (depth == 0 || reg.IsEmpty)
        {
            return;
        }

        // Addresses of 1 or 2 cells and sizes of 0 to 2 are all a 64-bit machine can use; anything else (a
        // corrupt cell count included) is not memory this kernel could touch.
        uint parentAddressCells = addressCells[depth - 1];
        uint parentSizeCells = sizeCells[depth - 1];
        if (parentAddressCells - 1 > 1 || parentSizeCells > 2)
        {
            return;
        }

        int addressLength = (int)parentAddressCells * 4;
        int sizeLength = (int)parentSizeCells * 4;
        int entryLength = addressLength + sizeLength;

        if (isMemory)
        {
            for (int offset = 0; offset + entryLength <= reg.Length; offset += entryLength)
            {
                ulong size = ReadNumber(reg.Slice(offset + addressLength, sizeLength));
                if (info.MemorySize == 0 && size != 0)
                {
                    info.MemoryBase = ReadNumber(reg.Slice(offset, addressLength));
                    info.MemorySize = size;
                }

                info.MemoryTotal += size;
            }
        }
        else if (isVirtio && reg.Length >= entryLength)
        {
            uint irq = interrupts.Length >= 4 ? FlattenedDeviceTree.ReadBigEndian32(interrupts, 0) : VirtioMmioNode.NoIrq;
            info.AddVirtioMmio(new VirtioMmioNode(
                ReadNumber(reg.Slice(0, addressLength)), ReadNumber(reg.Slice(addressLength, sizeLength)), irq));
        }
    }

    /// <summary>The properties of a node that only the interrupt controllers, the timer and the UART need.</summary>
    private ref struct NodeExtras
    {
        public bool IsPlic;
        public bool IsClint;
        public bool IsUart;
        public bool IsCpuIntc;
        public uint Phandle;
        public uint SourceCount;
        public ReadOnlySpan<byte> InterruptsExtended;
    }

    /// <summary>The PLIC, the CLINT, the UART, and hart 0's interrupt controller (a child of the <c>/cpus/cpu@N</c>
    /// node whose <c>reg</c>, its hart id, is 0: the boot code runs the kernel on hart 0).</summary>
    private static void ClassifyExtras(ref DeviceTreeInfo info, int depth, bool inCpus, ref ulong cpuHartId, in NodeExtras extras,
        ReadOnlySpan<byte> reg, ReadOnlySpan<byte> interrupts, uint* addressCells, uint* sizeCells)
    {
        if (inCpus && depth == 2)
        {
            // /cpus has #address-cells = 1 on every RISC-V board; the number is read whatever its cell count.
            cpuHartId = reg.IsEmpty || addressCells[1] - 1 > 1 ? ulong.MaxValue : ReadNumber(reg.Slice(0, Math.Min(reg.Length, (int)addressCells[1] * 4)));
            return;
        }

        if (inCpus && depth == 3)
        {
            if (extras.IsCpuIntc && cpuHartId == 0 && extras.Phandle != 0 && info.Hart0IntcPhandle == 0)
            {
                info.Hart0IntcPhandle = extras.Phandle;
            }

            return;
        }

        if (depth == 0 || reg.IsEmpty || !(extras.IsPlic || extras.IsClint || extras.IsUart))
        {
            return;
        }

        uint parentAddressCells = addressCells[depth - 1];
        uint parentSizeCells = sizeCells[depth - 1];
        if (parentAddressCells - 1 > 1 || parentSizeCells > 2)
        {
            return;
        }

        int addressLength = (int)parentAddressCells * 4;
        int sizeLength = (int)parentSizeCells * 4;
        if (reg.Length < addressLength + sizeLength)
        {
            return;
        }

        ulong address = ReadNumber(reg.Slice(0, addressLength));
        ulong size = ReadNumber(reg.Slice(addressLength, sizeLength));
        if (extras.IsPlic && info.PlicBase == 0)
        {
            info.PlicBase = address;
            info.PlicSize = size;
            info.PlicSourceCount = extras.SourceCount;
            info.SetPlicContexts(extras.InterruptsExtended);
        }
        else if (extras.IsClint && info.ClintBase == 0)
        {
            info.ClintBase = address;
        }
        else if (extras.IsUart && info.UartBase == 0)
        {
            info.UartBase = address;
            info.UartIrq = interrupts.Length >= 4 ? FlattenedDeviceTree.ReadBigEndian32(interrupts, 0) : VirtioMmioNode.NoIrq;
        }
    }

    /// <summary>A big-endian number of 0, 1 or 2 cells (wider values keep their low 64 bits).</summary>
    private static ulong ReadNumber(ReadOnlySpan<byte> cells)
    {
        ulong value = 0;
        for (int i = 0; i + 4 <= cells.Length; i += 4)
        {
            value = value << 32 | FlattenedDeviceTree.ReadBigEndian32(cells, i);
        }

        return value;
    }

    /// <summary><c>memory</c> matches <c>memory</c> and <c>memory@80000000</c> (name plus unit address).</summary>
    private static bool NodeNameIs(ReadOnlySpan<byte> nodeName, ReadOnlySpan<byte> name) =>
        nodeName.StartsWith(name) && (nodeName.Length == name.Length || nodeName[name.Length] == (byte)'@');

    /// <summary>A string property's text: up to its NUL terminator.</summary>
    private static ReadOnlySpan<byte> StringValue(ReadOnlySpan<byte> value)
    {
        int end = value.IndexOf((byte)0);
        return end < 0 ? value : value.Slice(0, end);
    }

    /// <summary>Whether a string-list property (NUL-separated, like <c>compatible</c>) holds <paramref name="item"/>.</summary>
    private static bool ListContains(ReadOnlySpan<byte> list, ReadOnlySpan<byte> item)
    {
        while (!list.IsEmpty)
        {
            int end = list.IndexOf((byte)0);
            ReadOnlySpan<byte> entry = end < 0 ? list : list.Slice(0, end);
            if (entry.SequenceEqual(item))
            {
                return true;
            }

            if (end < 0)
            {
                break;
            }

            list = list.Slice(end + 1);
        }

        return false;
    }
}
