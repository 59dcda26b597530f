namespace Kernel.Drivers.Virtio;

/// <summary>Values of the status byte the device writes at the end of a block request (virtio 1.x 5.2.6).</summary>
public static class VirtioBlkStatus
{
    public const byte VIRTIO_BLK_S_OK = 0;
    public const byte VIRTIO_BLK_S_IOERR = 1;
    public const byte VIRTIO_BLK_S_UNSUPP = 2;
}
