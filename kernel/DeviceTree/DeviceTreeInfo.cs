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

    /// <summary>The first range of the first memory node (<c>device_type = "memory"</c>); size 0: none.</summary>
    public ulong MemoryBase;
    public ulong MemorySize;

    /// <summary>The sum of every memory node's ranges.</summary>
    public ulong MemoryTotal;

    /// <summary><c>/cpus/timebase-frequency</c> (or the first cpu node's) in Hz; 0: not given.</summary>
    public ulong TimebaseFrequency;

    public bool HasBootArgs;

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
