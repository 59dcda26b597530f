using System.Runtime.InteropServices;

namespace Kernel.Drivers.Virtio;

/// <summary>The driver's DMA memory for one block request in flight: the device-readable header and the
/// device-writable status byte, each described by its own descriptor. One slot per descriptor that can head a chain
/// (the request's token), so up to a queue's worth of requests can be in flight; the driver's bookkeeping for the
/// same request is in <see cref="VirtioBlkRequestState"/>, which the device never sees.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
public struct VirtioBlkRequestSlot
{
    /// <summary>What the device reads first.</summary>
    [FieldOffset(0)] public VirtioBlkReqHeader Header;

    /// <summary>VIRTIO_BLK_S_*, written last by the device. The driver presets it to a value the device never
    /// writes, so a completion without a status shows up as a device error.</summary>
    [FieldOffset(StatusOffset)] public byte Status;

    /// <summary>Where <see cref="Status"/> is in the slot.</summary>
    public const int StatusOffset = 16;

    /// <summary>The value <see cref="Status"/> holds before the device writes it.</summary>
    public const byte StatusNotWritten = 0xff;
}
