using System.Runtime.InteropServices;

namespace Kernel.Drivers.Virtio;

/// <summary>struct pvirtq_event_suppress (virtio 1.2 2.8.10, 2.8.14): 4 bytes, 4-byte aligned. A packed virtqueue has
/// two. The driver event suppression structure (the driver area) is written by the driver and read by the device: it
/// says when the driver wants used buffer notifications (interrupts). The device event suppression structure (the
/// device area) is written by the device and read by the driver: it says when the device wants available buffer
/// notifications (QueueNotify).</summary>
[StructLayout(LayoutKind.Explicit, Size = 4)]
public struct PvirtqEventSuppress
{
    /// <summary>Notify at every event.</summary>
    public const ushort RING_EVENT_FLAGS_ENABLE = 0;

    /// <summary>Do not notify.</summary>
    public const ushort RING_EVENT_FLAGS_DISABLE = 1;

    /// <summary>Notify when the descriptor at <see cref="Desc"/> is made available (or used); only with
    /// VIRTIO_F_RING_EVENT_IDX.</summary>
    public const ushort RING_EVENT_FLAGS_DESC = 2;

    /// <summary>The two bits of <see cref="Flags"/> that hold the value above (3 is reserved, the rest must be 0).</summary>
    public const ushort FlagsMask = 3;

    /// <summary>Bit 15 of <see cref="Desc"/>: desc_event_wrap, the ring wrap counter the offset belongs to.</summary>
    public const ushort WrapBit = 1 << 15;

    /// <summary>le16 desc: desc_event_off (bits 0-14, a slot of the ring) and desc_event_wrap (bit 15), meaningful
    /// with <see cref="RING_EVENT_FLAGS_DESC"/>.</summary>
    [FieldOffset(0)] public ushort Desc;

    /// <summary>le16 flags: desc_event_flags (bits 0-1), the rest reserved (0).</summary>
    [FieldOffset(2)] public ushort Flags;
}
