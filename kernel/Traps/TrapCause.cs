namespace Kernel.Traps;

/// <summary>
/// scause (privileged specification 1.12, section 4.1.9, table 4.2): the top bit says interrupt, the rest is the
/// exception or interrupt code. Names as in the table.
/// </summary>
public static unsafe class TrapCause
{
    public const nuint SupervisorSoftwareInterrupt = 1;
    public const nuint SupervisorTimerInterrupt = 5;
    public const nuint SupervisorExternalInterrupt = 9;

    public const nuint InstructionAddressMisaligned = 0;
    public const nuint InstructionAccessFault = 1;
    public const nuint IllegalInstruction = 2;
    public const nuint Breakpoint = 3;
    public const nuint LoadAddressMisaligned = 4;
    public const nuint LoadAccessFault = 5;
    public const nuint StoreAddressMisaligned = 6;
    public const nuint StoreAccessFault = 7;
    public const nuint InstructionPageFault = 12;
    public const nuint LoadPageFault = 13;
    public const nuint StorePageFault = 15;

    static int TopBit => sizeof(nuint) * 8 - 1;

    public static bool IsInterrupt(nuint scause) => (scause >> TopBit) != 0;

    public static nuint Code(nuint scause) => scause & ~((nuint)1 << TopBit);

    public static string Name(nuint scause)
    {
        nuint code = Code(scause);
        if (IsInterrupt(scause))
        {
            return code switch
            {
                1 => "supervisor software interrupt",
                5 => "supervisor timer interrupt",
                9 => "supervisor external interrupt",
                13 => "counter-overflow interrupt",
                _ => "unknown interrupt",
            };
        }

        return code switch
        {
            0 => "instruction address misaligned",
            1 => "instruction access fault",
            2 => "illegal instruction",
            3 => "breakpoint",
            4 => "load address misaligned",
            5 => "load access fault",
            6 => "store/AMO address misaligned",
            7 => "store/AMO access fault",
            8 => "environment call from U-mode",
            9 => "environment call from S-mode",
            12 => "instruction page fault",
            13 => "load page fault",
            15 => "store/AMO page fault",
            18 => "software check",
            19 => "hardware error",
            _ => "unknown exception",
        };
    }
}
