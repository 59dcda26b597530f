namespace Kernel.Drivers.Virtio;

/// <summary>The virtio-mmio transport (virtio 1.x, 4.2): register offsets, the slots of QEMU's virt machine, and
/// probing. Offsets are bytes from the window's base; all registers are 32 bits wide. Where the legacy interface
/// (version 1, 4.2.4) and the modern one (version 2, 4.2.2) name a register differently, both names are here.</summary>
public static class VirtioMmio
{
    /// <summary>QEMU virt: the first virtio-mmio window.</summary>
    public const ulong SlotBase = 0x10001000;

    /// <summary>QEMU virt: the distance between windows.</summary>
    public const ulong SlotStride = 0x1000;

    /// <summary>QEMU virt: the number of windows.</summary>
    public const int SlotCount = 8;

    /// <summary>"virt" in little-endian.</summary>
    public const uint Magic = 0x74726976;

    /// <summary>The version of the legacy interface.</summary>
    public const uint VersionLegacy = 1;

    /// <summary>The version of the modern interface (virtio 1.0 and later).</summary>
    public const uint VersionModern = 2;

    /// <summary>Device ID of a block device (virtio 1.x, 5).</summary>
    public const uint DeviceIdBlock = 2;

    // Register offsets (4.2.2, legacy 4.2.4).
    public const uint MagicValue = 0x000;
    public const uint Version = 0x004;
    public const uint DeviceID = 0x008;
    public const uint VendorID = 0x00c;

    /// <summary>Legacy HostFeatures; modern DeviceFeatures. 32 feature bits selected by <see cref="HostFeaturesSel"/>.</summary>
    public const uint HostFeatures = 0x010;
    public const uint DeviceFeatures = HostFeatures;
    public const uint HostFeaturesSel = 0x014;
    public const uint DeviceFeaturesSel = HostFeaturesSel;

    /// <summary>Legacy GuestFeatures; modern DriverFeatures.</summary>
    public const uint GuestFeatures = 0x020;
    public const uint DriverFeatures = GuestFeatures;
    public const uint GuestFeaturesSel = 0x024;
    public const uint DriverFeaturesSel = GuestFeaturesSel;

    /// <summary>Legacy only: the guest's page size, the unit of <see cref="QueuePFN"/>.</summary>
    public const uint GuestPageSize = 0x028;

    public const uint QueueSel = 0x030;
    public const uint QueueNumMax = 0x034;
    public const uint QueueNum = 0x038;

    /// <summary>Legacy only: the alignment of the used ring, in bytes (a power of two).</summary>
    public const uint QueueAlign = 0x03c;

    /// <summary>Legacy only: the queue's guest physical page number (address / GuestPageSize); 0 = not in use.</summary>
    public const uint QueuePFN = 0x040;

    /// <summary>Modern only.</summary>
    public const uint QueueReady = 0x044;

    public const uint QueueNotify = 0x050;
    public const uint InterruptStatus = 0x060;
    public const uint InterruptACK = 0x064;
    public const uint Status = 0x070;

    // Modern only: 64-bit queue addresses as low/high halves.
    public const uint QueueDescLow = 0x080;
    public const uint QueueDescHigh = 0x084;
    public const uint QueueDriverLow = 0x090;
    public const uint QueueDriverHigh = 0x094;
    public const uint QueueDeviceLow = 0x0a0;
    public const uint QueueDeviceHigh = 0x0a4;

    /// <summary>Modern only: changes whenever the configuration space changes.</summary>
    public const uint ConfigGeneration = 0x0fc;

    /// <summary>The device-specific configuration space starts here.</summary>
    public const uint Config = 0x100;

    /// <summary>InterruptStatus bit 0: the device used a buffer.</summary>
    public const uint InterruptUsedBuffer = 1;

    /// <summary>InterruptStatus bit 1: the configuration changed.</summary>
    public const uint InterruptConfigChange = 2;

    /// <summary>The base address of slot <paramref name="slot"/> (0 .. <see cref="SlotCount"/> - 1).</summary>
    public static ulong SlotAddress(int slot) => SlotBase + (ulong)slot * SlotStride;

    /// <summary>Reads the identification registers without changing the device. Returns false (version and device
    /// ID 0) when the window does not hold the magic value "virt"; otherwise true, with <paramref name="deviceId"/>
    /// 0 for an empty slot.</summary>
    public static bool Probe<TRegs>(ref TRegs regs, out uint version, out uint deviceId) where TRegs : struct, IMmioRegisters
    {
        if (regs.Read32(MagicValue) != Magic)
        {
            version = 0;
            deviceId = 0;
            return false;
        }

        version = regs.Read32(Version);
        deviceId = regs.Read32(DeviceID);
        return true;
    }
}
