namespace Firmware;

/// <summary>
/// The RAM that belongs to S-mode: from <see cref="Start"/> (0x80200000, where the payload is linked; below it is the
/// firmware's) to the end of RAM the device tree gives. The debug console reads and writes S-mode's buffers only
/// inside it: anything else (the firmware's own memory, a device, a hole) would let S-mode use the firmware to
/// reach what PMP denies it, or fault the firmware.
/// </summary>
internal static class SupervisorMemory
{
    public const ulong Start = 0x8020_0000;

    /// <summary>The first byte after RAM; set once at boot.</summary>
    public static ulong End;

    /// <summary>Whether the <paramref name="length"/> bytes at physical <paramref name="address"/> lie wholly inside.</summary>
    public static bool Contains(ulong address, ulong length)
        => address >= Start && address <= End && length <= End - address;
}
