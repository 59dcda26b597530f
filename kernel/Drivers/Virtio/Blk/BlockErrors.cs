namespace Kernel.Drivers.Virtio;

/// <summary>Human-readable text for <see cref="BlockError"/> (string literals: nothing is built at run time).</summary>
public static class BlockErrors
{
    /// <summary>A short lower-case description, e.g. "sector out of range".</summary>
    public static string Describe(BlockError error) => error switch
    {
        BlockError.None => "no error",
        BlockError.NoDevice => "no device in this slot",
        BlockError.BadMagic => "not a virtio-mmio device (bad magic value)",
        BlockError.UnsupportedVersion => "unsupported virtio-mmio version",
        BlockError.NotBlockDevice => "not a block device",
        BlockError.FeaturesRefused => "device refused the driver's features",
        BlockError.QueueUnavailable => "request queue unavailable",
        BlockError.OutOfMemory => "out of DMA memory",
        BlockError.OutOfRange => "sector out of range",
        BlockError.BadBuffer => "bad buffer (length not a non-zero multiple of 512, or too many segments)",
        BlockError.IoError => "device I/O error",
        BlockError.Unsupported => "request not supported by the device",
        BlockError.ReadOnly => "disk is read-only",
        BlockError.DeviceNeedsReset => "device needs a reset",
        BlockError.DeviceError => "device returned an unknown status",
        BlockError.Timeout => "device timed out (device reset; the request may or may not have been done)",
        BlockError.QueueFull => "request queue full",
        BlockError.BadToken => "no such request",
        BlockError.ProtocolViolation => "device broke the virtqueue protocol (device reset)",
        BlockError.Aborted => "request aborted by a device reset (it may or may not have been done)",
        BlockError.Misaligned => "not aligned to the device's logical block size",
        _ => "unknown error",
    };
}
