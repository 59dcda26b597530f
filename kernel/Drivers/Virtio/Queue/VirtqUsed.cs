using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kernel.Drivers.Virtio;

/// <summary>The header of struct virtq_used (virtio 1.x 2.7.8), the device area (4-byte aligned; legacy: at
/// QueueAlign), written only by the device: <c>le16 flags; le16 idx; struct virtq_used_elem ring[queue size];
/// le16 avail_event;</c>. Only the fixed header is a C# type (4 bytes); the ring and avail_event follow it.</summary>
[StructLayout(LayoutKind.Explicit, Size = 4)]
public unsafe struct VirtqUsed
{
    /// <summary>flags: the device does not want notifications (a hint; this driver notifies anyway).</summary>
    public const ushort VIRTQ_USED_F_NO_NOTIFY = 1;

    /// <summary>le16 flags.</summary>
    [FieldOffset(0)] public ushort Flags;

    /// <summary>le16 idx: where the device puts the next entry of <see cref="Ring"/> (modulo the queue size); only
    /// increases, wrapping at 65536.</summary>
    [FieldOffset(2)] public ushort Idx;

    /// <summary>The size in bytes of the area for a queue of <paramref name="queueSize"/> entries, avail_event included.</summary>
    public static nuint SizeInBytes(uint queueSize) => (nuint)(6 + 8 * queueSize);

    /// <summary>ring[0]: completed chains.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VirtqUsedElem* Ring(VirtqUsed* used) => (VirtqUsedElem*)((byte*)used + sizeof(VirtqUsed));

    /// <summary>le16 avail_event (VIRTIO_F_EVENT_IDX), after ring[queueSize - 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort* AvailEvent(VirtqUsed* used, uint queueSize) => (ushort*)(Ring(used) + queueSize);
}
