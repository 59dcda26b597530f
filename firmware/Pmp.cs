namespace Firmware;

using System.Runtime.Intrinsics.RiscV;
using Firmware.Devices;

/// <summary>
/// Physical memory protection (privileged specification, "Physical Memory Protection"). S- and U-mode accesses are
/// checked against the entries in order, the first match decides; M-mode is not held back by entries that are not
/// locked, so the firmware keeps its own access to everything. Three NAPOT entries:
/// 0: the firmware (0x80000000, 2 MiB): no access; 1: the CLINT (0x2000000, 64 KiB): no access, the timer is the
/// firmware's; 2: everything else: read, write, execute. (OpenSBI v1.1 sets up the same three, docs/abi.md.)
/// </summary>
internal static class Pmp
{
    public const ulong FirmwareBase = 0x8000_0000;
    public const ulong FirmwareSize = SupervisorMemory.Start - FirmwareBase;

    // pmpcfg fields of one entry: permissions and the address-matching mode.
    private const byte Read = 1 << 0;
    private const byte Write = 1 << 1;
    private const byte Execute = 1 << 2;
    private const byte Napot = 3 << 3;

    /// <summary>Programs the three entries and reads them back: false if the hart does not keep them.</summary>
    public static bool Protect()
    {
        nuint firmware = NapotAddress(FirmwareBase, FirmwareSize);
        nuint clint = NapotAddress(Clint.BaseAddress, Clint.Size);
        // All ones: a NAPOT range as large as the physical address space.
        nuint everything = nuint.MaxValue;
        Rv.WriteCsr(Csr.Pmpaddr0, firmware);
        Rv.WriteCsr(Csr.Pmpaddr0 + 1, clint);
        Rv.WriteCsr(Csr.Pmpaddr0 + 2, everything);
        // pmpcfg0 holds one byte per entry (entries 0-3 on rv32, 0-7 on rv64); entries 3 and up stay off.
        nuint config = Napot | ((nuint)Napot << 8) | ((nuint)(Napot | Read | Write | Execute) << 16);
        Rv.WriteCsr(Csr.Pmpcfg0, config);
        return Rv.ReadCsr(Csr.Pmpcfg0) == config
            && Rv.ReadCsr(Csr.Pmpaddr0) == firmware
            && Rv.ReadCsr(Csr.Pmpaddr0 + 1) == clint;
    }

    /// <summary>A naturally aligned power-of-two range: the base's bits 2 and up, then size / 8 - 1 as ones below.</summary>
    private static nuint NapotAddress(ulong baseAddress, ulong size) => (nuint)((baseAddress >> 2) | ((size >> 3) - 1));
}
