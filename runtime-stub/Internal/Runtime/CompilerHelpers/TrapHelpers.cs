namespace Internal.Runtime.CompilerHelpers;

using System;
using System.Runtime.InteropServices;

/// <summary>The default RISC-V trap handler, called by the boot code's <c>rvc_trap_entry</c>.</summary>
public static unsafe class TrapHelpers
{
    /// <summary>
    /// Prints <c>trap: &lt;cause&gt;: mcause=0x.. mepc=0x.. mtval=0x..</c> (the cause's name from the privileged
    /// specification, lower-case hex, no padding) and exits with status 1. It never returns, so the trapping
    /// instruction is not retried: nothing enables interrupts, so any trap is a bug in the program.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "rvc_trap")]
    public static void Trap(nuint mcause, nuint mepc, nuint mtval)
    {
        Console.Write("trap: ");
        Console.Write(CauseName(mcause));
        Console.Write(": mcause=0x");
        WriteHex(mcause);
        Console.Write(" mepc=0x");
        WriteHex(mepc);
        Console.Write(" mtval=0x");
        WriteHex(mtval);
        Console.WriteLine();
        Platform.Exit(1);
    }

    /// <summary>The name of an mcause value (RISC-V privileged specification 1.12, table 3.6).</summary>
    private static string CauseName(nuint mcause)
    {
        // The interrupt flag is the register's top bit: bit 31 on rv32, bit 63 on rv64.
        int topBit = sizeof(nuint) * 8 - 1;
        bool interrupt = (mcause >> topBit) != 0;
        nuint code = mcause & ~((nuint)1 << topBit);
        if (interrupt)
        {
            return code switch
            {
                1 => "supervisor software interrupt",
                3 => "machine software interrupt",
                5 => "supervisor timer interrupt",
                7 => "machine timer interrupt",
                9 => "supervisor external interrupt",
                11 => "machine external interrupt",
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
            11 => "environment call from M-mode",
            12 => "instruction page fault",
            13 => "load page fault",
            15 => "store/AMO page fault",
            18 => "software check",
            19 => "hardware error",
            _ => "unknown exception",
        };
    }

    private static void WriteHex(nuint value)
    {
        char* buffer = stackalloc char[Number.MaxInt64Chars];
        char* end = buffer + Number.MaxInt64Chars;
        char* start = Number.UInt64ToHex(value, end);
        Console.WriteUtf16(start, (int)(end - start), newLine: false);
    }
}
