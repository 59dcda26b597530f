using System.Runtime.InteropServices;

namespace Kernel.Drivers.Virtio;

/// <summary>struct virtq_desc (virtio 1.x 2.7.5; legacy 2.6.5): one buffer of a descriptor chain, 16 bytes, in the
/// descriptor table (16-byte aligned).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct VirtqDesc
{
    /// <summary>The chain continues in <see cref="Next"/>.</summary>
    public const ushort VIRTQ_DESC_F_NEXT = 1;

    /// <summary>The buffer is device-writable (otherwise device-readable).</summary>
    public const ushort VIRTQ_DESC_F_WRITE = 2;

    /// <summary>The buffer holds a table of indirect descriptors (VIRTIO_F_RING_INDIRECT_DESC; not used).</summary>
    public const ushort VIRTQ_DESC_F_INDIRECT = 4;

    /// <summary>le64 addr: bus address of the buffer.</summary>
    [FieldOffset(0)] public ulong Addr;

    /// <summary>le32 len: length of the buffer in bytes.</summary>
    [FieldOffset(8)] public uint Len;

    /// <summary>le16 flags: <see cref="VIRTQ_DESC_F_NEXT"/>, <see cref="VIRTQ_DESC_F_WRITE"/>.</summary>
    [FieldOffset(12)] public ushort Flags;

    /// <summary>le16 next: the next descriptor of the chain when <see cref="VIRTQ_DESC_F_NEXT"/> is set.</summary>
    [FieldOffset(14)] public ushort Next;
}
