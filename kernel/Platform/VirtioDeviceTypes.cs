namespace Kernel.Platform;

/// <summary>Names of virtio device IDs (virtio 1.2, 5 "Device Types"), for the boot log.</summary>
public static class VirtioDeviceTypes
{
    /// <summary>The device type's name, or null for an ID without one here.</summary>
    public static string? Name(uint deviceId) => deviceId switch
    {
        1 => "network card",
        2 => "block device",
        3 => "console",
        4 => "entropy source",
        5 => "memory balloon",
        8 => "SCSI host",
        9 => "9P transport",
        16 => "GPU",
        18 => "input device",
        19 => "socket device",
        20 => "crypto device",
        23 => "IOMMU",
        24 => "memory device",
        25 => "sound device",
        26 => "file system device",
        _ => null,
    };
}
