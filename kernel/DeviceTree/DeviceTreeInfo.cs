namespace Kernel.DeviceTree;

using System;

/// <summary>
/// What the kernel takes from the device tree, gathered in one walk by <see cref="DeviceTreeScanner"/>. Fixed
/// size (no heap): at most <see cref="MaxVirtioMmio"/> virtio-mmio nodes are kept. Byte strings point into the
/// blob, which stays where it is (the page allocator does not hand its memory out).
/// </summary>
public unsafe struct DeviceTreeInfo
{
    /// <summary>QEMU virt has 8 slots; room to spare for other boards.</summary>
    public const int MaxVirtioMmio = 16;

    private fixed ulong _virtioBase[MaxVirtioMmio];
    private fixed ulong _virtioSize[MaxVirtioMmio];
    private fixed uint _virtioIrq[MaxVirtioMmio];
    private byte* _bootArgs;
    private int _bootArgsLength;
    private byte* _plicContexts;
    private int _plicContextsLength;

    /// <summary>The first range of the first memory node (<c>device_type = "memory"</c>); size 0: none.</summary>
    public ulong MemoryBase;
    public ulong MemorySize;

    /// <summary>The sum of every memory node's ranges.</summary>
    public ulong MemoryTotal;

    /// <summary><c>/cpus/timebase-frequency</c> (or the first cpu node's) in Hz; 0: not given.</summary>
    public ulong TimebaseFrequency;

    public bool HasBootArgs;

    /// <summary>The platform-level interrupt controller (<c>riscv,plic0</c> or <c>sifive,plic-1.0.0</c>): its
    /// register window (base 0: none in the tree) and <c>riscv,ndev</c>, the number of interrupt sources (0: not given).</summary>
    public ulong PlicBase;
    public ulong PlicSize;
    public uint PlicSourceCount;

    /// <summary>The <c>phandle</c> of hart 0's interrupt controller (<c>riscv,cpu-intc</c> under <c>/cpus/cpu@0</c>);
    /// 0: not found. With <see cref="PlicContexts"/> it tells which PLIC context is hart 0's M-mode one.</summary>
    public uint Hart0IntcPhandle;

    /// <summary>The core-local interruptor (<c>riscv,clint0</c> or <c>sifive,clint0</c>): mtime and mtimecmp. 0: none.</summary>
    public ulong ClintBase;

    /// <summary>The NS16550A UART (<c>ns16550a</c>): its base (0: none) and interrupt (<see cref="VirtioMmioNode.NoIrq"/>: none).</summary>
    public ulong UartBase;
    public uint UartIrq;

    /// <summary>The PLIC's <c>interrupts-extended</c>, raw (big-endian cells): one (phandle, interrupt) pair per PLIC
    /// context, in context order, for interrupt controllers with one interrupt cell (<c>riscv,cpu-intc</c>):
    /// interrupt 11 is a hart's machine external interrupt, 9 its supervisor one.</summary>
    public readonly ReadOnlySpan<byte> PlicContexts => new ReadOnlySpan<byte>(_plicContexts, _plicContextsLength);

    public void SetPlicContexts(ReadOnlySpan<byte> value)
    {
        // Points into the blob, like the boot arguments.
        fixed (byte* p = value)
        {
            _plicContexts = p;
        }

        _plicContextsLength = value.Length;
    }

    public int VirtioMmioCount;

    /// <summary>True when the tree listed more virtio-mmio nodes than fit.</summary>
    public bool VirtioMmioTruncated;

    /// <summary><c>/chosen/bootargs</c> without its NUL terminator (the kernel command line).</summary>
    public readonly ReadOnlySpan<byte> BootArgs => new ReadOnlySpan<byte>(_bootArgs, _bootArgsLength);

    public void SetBootArgs(ReadOnlySpan<byte> value)
    {
        // The span points into the blob: its address is stable.
        fixed (byte* p = value)
        {
            _bootArgs = p;
        }

        _bootArgsLength = value.Length;
        HasBootArgs = true;
    }

    public readonly VirtioMmioNode GetVirtioMmio(int index)
    {
        if ((uint)index >= (uint)VirtioMmioCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return new VirtioMmioNode(_virtioBase[index], _virtioSize[index], _virtioIrq[index]);
    }

    public void AddVirtioMmio(VirtioMmioNode node)
    {
        if (VirtioMmioCount == MaxVirtioMmio)
        {
            VirtioMmioTruncated = true;
            return;
        }

        _virtioBase[VirtioMmioCount] = node.BaseAddress;
        _virtioSize[VirtioMmioCount] = node.Size;
        _virtioIrq[VirtioMmioCount] = node.Irq;
        VirtioMmioCount++;
    }
}
