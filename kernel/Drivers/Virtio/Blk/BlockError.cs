namespace Kernel.Drivers.Virtio;

/// <summary>What a block-device operation reports instead of throwing (a thrown exception ends the kernel).</summary>
public enum BlockError
{
    /// <summary>Success.</summary>
    None,

    /// <summary>The virtio-mmio slot is empty (device ID 0).</summary>
    NoDevice,

    /// <summary>The register window does not start with the magic value "virt".</summary>
    BadMagic,

    /// <summary>A virtio-mmio version this driver does not implement (it implements 1, legacy, and 2, modern).</summary>
    UnsupportedVersion,

    /// <summary>A virtio device, but not a block device (device ID other than 2).</summary>
    NotBlockDevice,

    /// <summary>The device did not accept the features the driver selected.</summary>
    FeaturesRefused,

    /// <summary>The request queue does not exist (QueueNumMax 0) or is already in use.</summary>
    QueueUnavailable,

    /// <summary>No DMA memory left for the queue or the request buffers, or memory the device cannot address.</summary>
    OutOfMemory,

    /// <summary>The request reaches past the last sector.</summary>
    OutOfRange,

    /// <summary>The buffer is empty, not a multiple of the sector size, too small for the request, or needs more
    /// descriptors than the device accepts in one request (SEG_MAX, or the queue size).</summary>
    BadBuffer,

    /// <summary>The device completed the request with VIRTIO_BLK_S_IOERR.</summary>
    IoError,

    /// <summary>The device completed the request with VIRTIO_BLK_S_UNSUPP.</summary>
    Unsupported,

    /// <summary>A write to a disk the device reports as read-only (VIRTIO_BLK_F_RO).</summary>
    ReadOnly,

    /// <summary>The device set DEVICE_NEEDS_RESET while the request was in flight: the driver reset it and initialised
    /// it again, and the request's outcome is unknown. Also the answer of a driver that gave up on its device (a
    /// protocol violation, or a reset that never completed) until <c>VirtioBlk.Recover</c>.</summary>
    DeviceNeedsReset,

    /// <summary>The device completed the request with a status byte that is none of VIRTIO_BLK_S_OK, IOERR and UNSUPP.
    /// Only that request failed; the device is still used.</summary>
    DeviceError,

    /// <summary>The device did not complete a request within the wait's time limit (<see cref="ICompletionWait"/>), not
    /// even at a last look after it: the driver reset the device and initialised it again, and every request in flight
    /// failed with this error. Whether such a request was carried out is unknown (a write may be on the disk). The
    /// device works again.</summary>
    Timeout,

    /// <summary>Not enough free descriptors for the request right now: collect completed requests and submit again.
    /// Nothing was sent; nothing in flight is affected.</summary>
    QueueFull,

    /// <summary>A token that names no submitted request (never handed out, or its result already collected).</summary>
    BadToken,

    /// <summary>The device broke the virtqueue protocol: a used-ring entry whose id is out of range or names no request
    /// in flight (the same request completed twice, a descriptor that heads no chain), a used length larger than the
    /// request's device-writable buffers, a completion without a status byte written, a used index that moved by more
    /// than the requests in flight (or backwards), or a configuration field that never read the same twice. The driver
    /// reset the device and set FAILED; every request in flight, and every one that completed in the same look at the
    /// used ring, failed with this error; later requests are refused with <see cref="DeviceNeedsReset"/>.</summary>
    ProtocolViolation,

    /// <summary>The request was in flight when the driver reset the device on the caller's word
    /// (<c>VirtioBlk.Recover</c>, <c>Reinitialize</c>): whether it was carried out is unknown. The device works again.</summary>
    Aborted,

    /// <summary>A read or write that does not start and end on the device's logical block (blk_size): the device
    /// would fail it. Nothing was sent.</summary>
    Misaligned,
}
