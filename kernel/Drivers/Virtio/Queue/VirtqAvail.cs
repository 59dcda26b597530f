using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kernel.Drivers.Virtio;

/// <summary>The header of struct virtq_avail (virtio 1.x 2.7.6), the driver area (2-byte aligned), written only by the
/// driver: <c>le16 flags; le16 idx; le16 ring[queue size]; le16 used_event;</c>. Only the fixed header is a C# type
/// (4 bytes); the ring and used_event follow it and are reached through <see cref="Ring"/> and
/// <see cref="UsedEvent"/>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 4)]
public unsafe struct VirtqAvail
{
    /// <summary>flags: the driver does not want an interrupt when the device uses a buffer (a hint).</summary>
    public const ushort VIRTQ_AVAIL_F_NO_INTERRUPT = 1;

    /// <summary>le16 flags.</summary>
    [FieldOffset(0)] public ushort Flags;

    /// <summary>le16 idx: where the driver puts the next entry of <see cref="Ring"/> (modulo the queue size); it only
    /// increases, wrapping at 65536.</summary>
    [FieldOffset(2)] public ushort Idx;

    /// <summary>The size in bytes of the area for a queue of <paramref name="queueSize"/> entries, used_event included.</summary>
    public static nuint SizeInBytes(uint queueSize) => (nuint)(6 + 2 * queueSize);

    /// <summary>ring[0]: the heads of available descriptor chains.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort* Ring(VirtqAvail* avail) => (ushort*)((byte*)avail + sizeof(VirtqAvail));

    /// <summary>le16 used_event (VIRTIO_F_EVENT_IDX), after ring[queueSize - 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort* UsedEvent(VirtqAvail* avail, uint queueSize) => Ring(avail) + queueSize;
}
