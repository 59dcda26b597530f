namespace Kernel.Drivers.Virtio;

/// <summary>Where the three parts of a split virtqueue go in the legacy interface (virtio 1.x 2.7.2 legacy,
/// "struct virtq"): one physically contiguous area starting at a page (QueuePFN), the descriptor table first, the
/// available ring right after it, then padding up to <c>align</c> (QueueAlign), then the used ring.</summary>
public static class VirtqLegacyLayout
{
    /// <summary>The alignment of the used ring this driver writes to QueueAlign (and the page size it writes to
    /// GuestPageSize): 4096, what every legacy driver uses.</summary>
    public const uint Alignment = 4096;

    /// <summary>Offset of the available ring: right after <paramref name="queueSize"/> 16-byte descriptors.</summary>
    public static nuint AvailOffset(uint queueSize) => (nuint)(16 * queueSize);

    /// <summary>Offset of the used ring: after the available ring, rounded up to <paramref name="align"/>.</summary>
    public static nuint UsedOffset(uint queueSize, uint align) =>
        AlignUp(AvailOffset(queueSize) + VirtqAvail.SizeInBytes(queueSize), align);

    /// <summary>Bytes of the whole area: the used ring's end rounded up to <paramref name="align"/>, as the spec's
    /// vring_size does.</summary>
    public static nuint TotalSize(uint queueSize, uint align) =>
        UsedOffset(queueSize, align) + AlignUp(VirtqUsed.SizeInBytes(queueSize), align);

    /// <summary><paramref name="value"/> rounded up to <paramref name="align"/> (a power of two).</summary>
    public static nuint AlignUp(nuint value, uint align) => (value + align - 1) & ~((nuint)align - 1);
}
