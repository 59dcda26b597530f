using System.Runtime.InteropServices;

namespace Kernel.Drivers.Virtio;

/// <summary>struct virtq_used_elem (virtio 1.x 2.7.8): one completed descriptor chain, 8 bytes.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public struct VirtqUsedElem
{
    /// <summary>le32 id: index of the head of the used descriptor chain.</summary>
    [FieldOffset(0)] public uint Id;

    /// <summary>le32 len: bytes written into the chain's device-writable buffers (legacy devices are not reliable here).</summary>
    [FieldOffset(4)] public uint Len;
}
