namespace Firmware.Devices;

using System.Threading;
using Internal.Runtime;

/// <summary>
/// The timer of QEMU virt's CLINT (SiFive's core-local interruptor, the ACLINT MTIMER): one 64-bit
/// <c>mtimecmp</c> per hart; the machine timer interrupt (MTIP) is pending while <c>mtime</c> ≥ <c>mtimecmp</c>.
/// S-mode cannot reach it (PMP): it asks the firmware through SBI <c>set_timer</c>.
/// </summary>
internal static unsafe class Clint
{
    public const nuint BaseAddress = 0x200_0000;
    public const nuint Size = 0x1_0000;

    // mtimecmp of hart N at 0x4000 + 8 * N.
    private const nuint MtimecmpOffset = 0x4000;

    public static void SetTimerCompare(nuint hart, ulong value)
    {
        nuint address = BaseAddress + MtimecmpOffset + (8 * hart);
        if (RuntimeInformation.Arch == TargetArch.RiscV32)
        {
            // Two 32-bit halves: first make the high half the largest value, so that no compare value in between
            // (new low, old high) fires early; then the low half, then the real high half (the privileged
            // specification's sequence for rv32).
            uint* half = (uint*)address;
            Volatile.Write(ref half[1], 0xFFFF_FFFFu);
            Volatile.Write(ref half[0], (uint)value);
            Volatile.Write(ref half[1], (uint)(value >> 32));
        }
        else
        {
            Volatile.Write(ref *(ulong*)address, value);
        }
    }
}
