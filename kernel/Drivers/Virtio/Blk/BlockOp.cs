namespace Kernel.Drivers.Virtio;

/// <summary>What a request submitted with <c>VirtioBlk.Submit</c> asks the device to do (virtio 1.x 5.2.6).</summary>
public enum BlockOp
{
    /// <summary>VIRTIO_BLK_T_IN: read sectors into the data (a non-zero multiple of 512 bytes).</summary>
    Read,

    /// <summary>VIRTIO_BLK_T_OUT: write the data (a non-zero multiple of 512 bytes) to sectors.</summary>
    Write,

    /// <summary>VIRTIO_BLK_T_FLUSH: make completed writes durable. No data, no sector; needs VIRTIO_BLK_F_FLUSH.</summary>
    Flush,

    /// <summary>VIRTIO_BLK_T_GET_ID: the device's ID string (QEMU: the drive's serial) into exactly 20 bytes.</summary>
    GetId,

    /// <summary>VIRTIO_BLK_T_DISCARD: the device may forget sectors (contents unspecified afterwards); needs
    /// VIRTIO_BLK_F_DISCARD. Submitted with <c>VirtioBlk.EnqueueDiscard</c> or <c>Discard</c>, not with data.</summary>
    Discard,

    /// <summary>VIRTIO_BLK_T_WRITE_ZEROES: sectors read as zeroes afterwards; needs VIRTIO_BLK_F_WRITE_ZEROES. Submitted
    /// with <c>VirtioBlk.EnqueueWriteZeroes</c> or <c>WriteZeroes</c>, not with data.</summary>
    WriteZeroes,
}
