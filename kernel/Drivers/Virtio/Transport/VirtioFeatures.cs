namespace Kernel.Drivers.Virtio;

/// <summary>The feature bits every device type shares (virtio 1.x 6, "Reserved Feature Bits"): they belong to the
/// transport and the virtqueues, not to the device. The device types' own bits (5.x) are below 24.</summary>
public static class VirtioFeatures
{
    /// <summary>Bit 27: VIRTIO_F_ANY_LAYOUT (legacy): the device does not assume the framing of requests.</summary>
    public const ulong AnyLayout = 1ul << 27;

    /// <summary>Bit 28: VIRTIO_F_INDIRECT_DESC: a descriptor may point to a table of descriptors (2.7.5.3, 2.8.6).</summary>
    public const ulong IndirectDesc = 1ul << 28;

    /// <summary>Bit 29: VIRTIO_F_EVENT_IDX: used_event and avail_event replace the flags that suppress interrupts
    /// and notifications (2.7.7, 2.7.10; packed ring: the event suppression structures, 2.8.10).</summary>
    public const ulong EventIdx = 1ul << 29;

    /// <summary>Bit 32: VIRTIO_F_VERSION_1, a device that follows virtio 1.0 or later (required with virtio-mmio
    /// version 2).</summary>
    public const ulong Version1 = 1ul << 32;

    /// <summary>Bit 34: VIRTIO_F_RING_PACKED: the packed virtqueue layout (2.8).</summary>
    public const ulong RingPacked = 1ul << 34;
}
