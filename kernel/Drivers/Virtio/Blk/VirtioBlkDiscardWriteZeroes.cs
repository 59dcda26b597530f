using System.Runtime.InteropServices;

namespace Kernel.Drivers.Virtio;

/// <summary>One segment of a discard or write-zeroes request (struct virtio_blk_discard_write_zeroes, virtio 1.2
/// 5.2.6), 16 bytes, little-endian: <c>le64 sector; le32 num_sectors; le32 flags;</c>. A request's data is one or more
/// of them, one after the other in one device-readable descriptor.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct VirtioBlkDiscardWriteZeroes
{
    /// <summary>flags bit 0, <c>unmap</c>: write zeroes may deallocate the sectors (reads still return zeroes). It MUST
    /// be 0 for a discard (the device answers UNSUPP); the other 31 bits are reserved, 0.</summary>
    public const uint VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP = 1;

    /// <summary>le64 sector: the first 512-byte sector of the range.</summary>
    [FieldOffset(0)] public ulong Sector;

    /// <summary>le32 num_sectors: the range's length in 512-byte sectors.</summary>
    [FieldOffset(8)] public uint NumSectors;

    /// <summary>le32 flags: <see cref="VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP"/> or 0.</summary>
    [FieldOffset(12)] public uint Flags;
}
