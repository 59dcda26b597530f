using System.Runtime.InteropServices;

namespace Kernel.Drivers.Virtio;

/// <summary>struct pvirtq_desc (virtio 1.2 2.8.13): one slot of the packed virtqueue's descriptor ring, 16 bytes
/// (16-byte aligned). The driver writes it to make an element of a buffer available; the device overwrites it to say a
/// whole buffer was used. Also the entry of a packed indirect table (2.8.7), where only WRITE counts.
/// <para>The flags that say who owns the slot (2.8.1): available when VIRTQ_DESC_F_AVAIL matches the driver's ring
/// wrap counter and VIRTQ_DESC_F_USED does not; used when both match the device's.</para></summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct PvirtqDesc
{
    /// <summary>The buffer continues in the next slot of the ring (2.8.6). Reserved in used descriptors.</summary>
    public const ushort VIRTQ_DESC_F_NEXT = 1;

    /// <summary>Available: the element is device-writable. Used: the device wrote into the buffer, and
    /// <see cref="Len"/> says how much (2.8.3, 2.8.4).</summary>
    public const ushort VIRTQ_DESC_F_WRITE = 2;

    /// <summary>The element is a table of <see cref="PvirtqDesc"/> (VIRTIO_F_INDIRECT_DESC, 2.8.7).</summary>
    public const ushort VIRTQ_DESC_F_INDIRECT = 4;

    /// <summary>Bit 7: set to the driver's ring wrap counter when the driver makes the slot available (2.8.1).</summary>
    public const ushort VIRTQ_DESC_F_AVAIL = 1 << 7;

    /// <summary>Bit 15: set to the inverse of the driver's wrap counter when available; to the device's wrap counter,
    /// together with AVAIL, when used (2.8.1).</summary>
    public const ushort VIRTQ_DESC_F_USED = 1 << 15;

    /// <summary>le64 addr: bus address of the element (unused in a used descriptor).</summary>
    [FieldOffset(0)] public ulong Addr;

    /// <summary>le32 len: bytes of the element; in a used descriptor with WRITE, the bytes the device wrote.</summary>
    [FieldOffset(8)] public uint Len;

    /// <summary>le16 id: the buffer id, in the last descriptor of a buffer (this driver writes it in each) and in the
    /// used descriptor. Reserved in indirect tables.</summary>
    [FieldOffset(12)] public ushort Id;

    /// <summary>le16 flags: NEXT, WRITE, INDIRECT, AVAIL, USED.</summary>
    [FieldOffset(14)] public ushort Flags;
}
