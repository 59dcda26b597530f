using System.Runtime.InteropServices;

namespace Kernel.Drivers.Virtio;

/// <summary>The device-readable header that starts every block request (struct virtio_blk_req, virtio 1.x 5.2.6),
/// 16 bytes: <c>le32 type; le32 reserved; le64 sector;</c>. The data and the one-byte status follow in their own
/// descriptors.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct VirtioBlkReqHeader
{
    /// <summary>Read: the device writes the data.</summary>
    public const uint VIRTIO_BLK_T_IN = 0;

    /// <summary>Write: the device reads the data.</summary>
    public const uint VIRTIO_BLK_T_OUT = 1;

    /// <summary>Flush the device's write cache (VIRTIO_BLK_F_FLUSH); no data, sector 0.</summary>
    public const uint VIRTIO_BLK_T_FLUSH = 4;

    /// <summary>The device ID string: 20 device-writable bytes, NUL-padded (not terminated when 20 long).</summary>
    public const uint VIRTIO_BLK_T_GET_ID = 8;

    /// <summary>Discard (VIRTIO_BLK_F_DISCARD): the data is device-readable <see cref="VirtioBlkDiscardWriteZeroes"/>
    /// segments, sector 0. The sectors' contents afterwards are unspecified.</summary>
    public const uint VIRTIO_BLK_T_DISCARD = 11;

    /// <summary>Write zeroes (VIRTIO_BLK_F_WRITE_ZEROES): as <see cref="VIRTIO_BLK_T_DISCARD"/>; afterwards the sectors
    /// read as zeroes.</summary>
    public const uint VIRTIO_BLK_T_WRITE_ZEROES = 13;

    /// <summary>The length of the VIRTIO_BLK_T_GET_ID data.</summary>
    public const int IdBytes = 20;

    /// <summary>le32 type: VIRTIO_BLK_T_*.</summary>
    [FieldOffset(0)] public uint Type;

    /// <summary>le32 reserved (legacy: ioprio); 0.</summary>
    [FieldOffset(4)] public uint Reserved;

    /// <summary>le64 sector: the first 512-byte sector of a read or write; 0 for other types.</summary>
    [FieldOffset(8)] public ulong Sector;
}
