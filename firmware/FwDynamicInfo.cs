namespace Firmware;

using System.Runtime.InteropServices;

/// <summary>
/// <c>struct fw_dynamic_info</c>, which QEMU's reset vector passes in a2 (QEMU's <c>hw/riscv/boot.c</c>, OpenSBI's
/// <c>fw_dynamic.h</c>): where the next stage (the S-mode program given with <c>-kernel</c>) starts and in which
/// mode. Every field is XLEN bits wide.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FwDynamicInfo
{
    /// <summary>"OSBI" in little-endian order.</summary>
    public const nuint MagicValue = 0x4942_534F;

    /// <summary>next_mode: S-mode (1). The others, U-mode (0) and M-mode (3), this firmware does not start.</summary>
    public const nuint NextModeS = 1;

    public nuint Magic;
    public nuint Version;
    public nuint NextAddr;
    public nuint NextMode;
    public nuint Options;

    /// <summary>Version 2 and later.</summary>
    public nuint BootHart;
}
