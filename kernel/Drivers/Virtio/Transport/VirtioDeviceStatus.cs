namespace Kernel.Drivers.Virtio;

/// <summary>Bits of the device status field (virtio 1.x, 2.1), the transport's Status register.</summary>
public static class VirtioDeviceStatus
{
    /// <summary>Writing 0 resets the device.</summary>
    public const uint Reset = 0;

    /// <summary>The guest found the device and recognised it as a virtio device.</summary>
    public const uint Acknowledge = 1;

    /// <summary>The guest knows how to drive the device.</summary>
    public const uint Driver = 2;

    /// <summary>The driver is set up and ready to drive the device.</summary>
    public const uint DriverOk = 4;

    /// <summary>Modern only: the driver acknowledged the features it understands; feature negotiation is complete.</summary>
    public const uint FeaturesOk = 8;

    /// <summary>The device hit an error it cannot recover from without a reset.</summary>
    public const uint DeviceNeedsReset = 64;

    /// <summary>The guest gave up on the device.</summary>
    public const uint Failed = 128;
}
