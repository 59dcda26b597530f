namespace Kernel.Interrupts;

using System.Runtime.Intrinsics.RiscV;

/// <summary>
/// The hart's own interrupt enables (privileged specification 3.1.9). The kernel never takes an interrupt trap:
/// mstatus.MIE stays clear, and mie only chooses which pending interrupts wake a <c>wfi</c> (3.3.3: "wfi ... may
/// also resume when any interrupt is pending, even if it is globally disabled"; on QEMU it does whenever
/// <c>mip &amp; mie</c> is non-zero). So a waiter sleeps in <c>wfi</c> and then asks the PLIC what happened, with no
/// trap handler and no state shared with one.
/// </summary>
public static class MachineInterrupts
{
    /// <summary>mstatus.MIE: machine-mode interrupts globally enabled (kept clear).</summary>
    public const nuint MstatusMie = 1 << 3;

    /// <summary>mie.MTIE: the machine timer (mtime &gt;= mtimecmp) wakes <c>wfi</c>.</summary>
    public const nuint MieMtie = 1 << 7;

    /// <summary>mie.MEIE: the machine external interrupt (the PLIC's line for this hart's M-mode context) wakes <c>wfi</c>.</summary>
    public const nuint MieMeie = 1 << 11;

    /// <summary>Global interrupts off, then the PLIC's line allowed to wake <c>wfi</c>.</summary>
    public static void EnableExternalWakeUp()
    {
        Rv.ClearCsr(Csr.Mstatus, MstatusMie);
        Rv.SetCsr(Csr.Mie, MieMeie);
    }

    public static void EnableTimerWakeUp() => Rv.SetCsr(Csr.Mie, MieMtie);

    public static void DisableTimerWakeUp() => Rv.ClearCsr(Csr.Mie, MieMtie);

    /// <summary>Sleeps until an interrupt enabled in mie is pending (at once if one already is). Interrupts stay
    /// globally disabled: no trap is taken, the caller looks at what is pending.</summary>
    public static void WaitForInterrupt() => Rv.Wfi();
}
