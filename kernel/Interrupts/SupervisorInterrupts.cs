namespace Kernel.Interrupts;

using System.Runtime.Intrinsics.RiscV;

/// <summary>
/// The hart's S-mode interrupt enables (privileged specification 1.12, 4.1.1 and 4.1.3). sie chooses which
/// interrupts may wake <c>wfi</c> and trap: the supervisor external interrupt (the PLIC's S-mode context of this
/// hart) and the supervisor timer interrupt (SBI set_timer). sstatus.SIE, the global enable, is set only for the
/// instant after a <c>wfi</c> (<see cref="WaitForInterrupt"/>): whatever is pending then traps, and
/// <see cref="InterruptTraps"/> handles it. The rest of the time the kernel runs with interrupts off, so no code
/// but the wait's shares anything with a handler.
/// </summary>
public static class SupervisorInterrupts
{
    /// <summary>sstatus.SIE.</summary>
    public const nuint SstatusSie = 1 << 1;

    /// <summary>sie.STIE.</summary>
    public const nuint SieStie = 1 << 5;

    /// <summary>sie.SEIE.</summary>
    public const nuint SieSeie = 1 << 9;

    /// <summary>Global interrupts off; the PLIC's line and the timer may wake <c>wfi</c>.</summary>
    public static void Initialize()
    {
        Rv.ClearCsr(Csr.Sstatus, SstatusSie);
        Rv.SetCsr(Csr.Sie, SieSeie | SieStie);
    }

    /// <summary>
    /// Sleeps until an interrupt enabled in sie is pending (at once if one already is; 3.3.3: <c>wfi</c> resumes
    /// on a pending enabled interrupt even with SIE clear), then lets the pending interrupts trap: between the two
    /// instructions that set and clear sstatus.SIE, each is taken and handled, and the handler returns here.
    /// </summary>
    public static void WaitForInterrupt()
    {
        Rv.Wfi();
        Rv.SetCsr(Csr.Sstatus, SstatusSie);
        Rv.ClearCsr(Csr.Sstatus, SstatusSie);
    }
}
