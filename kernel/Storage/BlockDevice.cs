namespace Kernel.Storage;

using Kernel.Drivers.Virtio;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;

/// <summary>
/// One entry of the block-device layer: a virtio-blk device (<see cref="Driver"/>, waiting with
/// <typeparamref name="TWait"/>) and what the layer knows about it: its name <c>blkN</c>, where it is (virtio-mmio
/// window, QEMU slot, PLIC source) and its serial number. Capacity, block size and the read-only flag come from the
/// driver. A mutable struct: use it through a <c>ref</c> to its table entry (<see cref="BlockDeviceTable{TWait}"/>).
/// </summary>
public struct BlockDevice<TWait>
    where TWait : struct, ICompletionWait
{
    /// <summary>virtio-blk's unit of transfer (virtio 1.2, 5.2.6), whatever the device's block size.</summary>
    public const int SectorSize = 512;

    public VirtioBlk<MmioRegisters, PageAllocator, TWait> Driver;

    /// <summary>N of the name <c>blkN</c>: the device's index in the table.</summary>
    public int Number;

    /// <summary>The base of its virtio-mmio register window.</summary>
    public ulong Address;

    /// <summary>Its QEMU virt slot (0 to 7), or -1 for a window elsewhere.</summary>
    public int Slot;

    /// <summary>Its PLIC source (the device tree's <c>interrupts</c>, or slot + 1), or <see cref="DeviceTree.VirtioMmioNode.NoIrq"/>.</summary>
    public uint Irq;

    public SerialNumber Serial;

    public readonly ulong CapacitySectors => Driver.CapacitySectors;

    public readonly ulong CapacityBytes => Driver.CapacityBytes;

    /// <summary>The device's block size (its blk_size when it gives one, else 512).</summary>
    public readonly uint BlockSize => Driver.BlockSize == 0 ? SectorSize : Driver.BlockSize;

    public readonly bool IsReadOnly => Driver.IsReadOnly;

    /// <summary>The device's whole logical blocks.</summary>
    public readonly ulong CapacityBlocks => Driver.CapacitySectors / (BlockSize / SectorSize);

    /// <summary>The first 512-byte sector of logical block <paramref name="block"/>; false past the last block.</summary>
    public readonly bool TryBlockToSector(ulong block, out ulong sector)
    {
        sector = block * (BlockSize / SectorSize);
        return block < CapacityBlocks;
    }

    /// <summary><c>blk0</c>.</summary>
    public readonly void PrintName()
    {
        Print.Text("blk");
        Print.Decimal((ulong)Number);
    }

    /// <summary>The boot banner's line: <c>blk0: 1024 bytes, block 512, rw, serial "disk0"</c>, and <c>, packed ring</c>
    /// when the device's queue is a packed virtqueue.</summary>
    public readonly void PrintSummary()
    {
        PrintName();
        Print.Text(": ");
        Print.Decimal(CapacityBytes);
        Print.Text(" bytes, block ");
        Print.Decimal((ulong)BlockSize);
        Print.Text(IsReadOnly ? ", ro, serial " : ", rw, serial ");
        Serial.PrintQuoted();
        if (Driver.UsesPackedRing)
        {
            Print.Text(", packed ring");
        }
    }
}
