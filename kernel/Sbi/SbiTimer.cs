namespace Kernel.Sbi;

using System.Runtime.Intrinsics.RiscV;
using Internal.Runtime;

/// <summary>
/// The supervisor timer (SBI 2.0, chapter 6, Timer extension "TIME", EID 0x54494D45; the legacy set_timer,
/// EID 0x00, without it): <see cref="SetTimer"/> asks for a supervisor timer interrupt (sip.STIP) once the
/// <c>time</c> CSR reaches a value, and clears a pending one. Time itself is the <c>time</c> CSR, readable in
/// S-mode (the firmware sets mcounteren.TM).
/// </summary>
public static class SbiTimer
{
    public const nuint ExtensionId = 0x54494D45;
    const nuint LegacySetTimer = 0x00;

    static bool s_haveExtension;

    public static void Probe() => s_haveExtension = SbiBase.Has(ExtensionId);

    /// <summary>Ticks of the <c>time</c> CSR (the device tree's timebase-frequency per second).</summary>
    public static ulong Now => Csr.ReadTime();

    /// <summary>Programs the next timer interrupt for <paramref name="time"/>: ulong.MaxValue means none. On rv32
    /// the 64-bit value goes in a0 (low half) and a1 (high half).</summary>
    public static void SetTimer(ulong time)
    {
        nuint low = RuntimeInformation.Arch == TargetArch.RiscV32 ? (nuint)(uint)time : (nuint)time;
        nuint high = RuntimeInformation.Arch == TargetArch.RiscV32 ? (nuint)(uint)(time >> 32) : 0;
        if (s_haveExtension)
        {
            SbiCall.Invoke(ExtensionId, 0, low, high, 0, out _);
        }
        else
        {
            SbiCall.Invoke(LegacySetTimer, 0, low, high, 0, out _);
        }
    }
}
