namespace Firmware;

using System.Runtime.Intrinsics.RiscV;

/// <summary>
/// Which traps go straight to S-mode (<c>medeleg</c>, <c>mideleg</c>) and which counters S/U-mode may read
/// (<c>mcounteren</c>): set once, before the firmware enters S-mode (README.md, "Delegation").
/// </summary>
internal static class Delegation
{
    // Exception codes (privileged specification, "Machine Cause Register").
    private const int InstructionAddressMisaligned = 0;
    private const int InstructionAccessFault = 1;
    private const int IllegalInstruction = 2;
    private const int Breakpoint = 3;
    private const int LoadAddressMisaligned = 4;
    private const int LoadAccessFault = 5;
    private const int StoreAddressMisaligned = 6;
    private const int StoreAccessFault = 7;
    private const int EcallFromUMode = 8;
    private const int InstructionPageFault = 12;
    private const int LoadPageFault = 13;
    private const int StorePageFault = 15;

    // Interrupt bits of mip/mie/mideleg.
    private const int SupervisorSoftwareInterrupt = 1;
    private const int SupervisorTimerInterrupt = 5;
    private const int SupervisorExternalInterrupt = 9;

    // mcounteren: CY, TM, IR.
    private const nuint CycleTimeInstret = 0b111;

    /// <summary>The exceptions delegated: every one S-mode can handle itself, so that its faults, its page faults and
    /// its user programs' system calls reach its own trap vector at no firmware cost. Not delegated: ecall from
    /// S-mode (that is the SBI call) and ecall from M-mode (cannot be delegated).</summary>
    public const nuint Exceptions =
        (1 << InstructionAddressMisaligned) | (1 << InstructionAccessFault) | (1 << IllegalInstruction)
        | (1 << Breakpoint) | (1 << LoadAddressMisaligned) | (1 << LoadAccessFault) | (1 << StoreAddressMisaligned)
        | (1 << StoreAccessFault) | (1 << EcallFromUMode) | (1 << InstructionPageFault) | (1 << LoadPageFault)
        | (1 << StorePageFault);

    /// <summary>The supervisor interrupts: S-mode's own. Its timer interrupt is raised by the firmware
    /// (<see cref="Sbi.TimerExtension"/>), its external interrupts come from the PLIC's S-mode context, and its
    /// software interrupts from itself.</summary>
    public const nuint Interrupts =
        (1 << SupervisorSoftwareInterrupt) | (1 << SupervisorTimerInterrupt) | (1 << SupervisorExternalInterrupt);

    public static void Set()
    {
        Rv.WriteCsr(Csr.Medeleg, Exceptions);
        Rv.WriteCsr(Csr.Mideleg, Interrupts);
        // S-mode (and U-mode, where S-mode allows it through scounteren) may read cycle, time and instret.
        Rv.WriteCsr(Csr.Mcounteren, CycleTimeInstret);
        Rv.WriteCsr(Csr.Scounteren, CycleTimeInstret);
    }
}
