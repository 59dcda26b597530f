namespace Internal.Runtime.CompilerHelpers;

using System;
using System.Runtime.InteropServices;

/// <summary>The default RISC-V trap handler, called by the boot code's <c>rvc_trap_entry</c>.</summary>
public static unsafe class TrapHelpers
{
    /// <summary>
    /// Prints <c>trap: mcause=0x.. mepc=0x.. mtval=0x..</c> (lower-case hex, no padding)
    /// and exits with status 1. It never returns, so the trapping instruction is not retried.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "rvc_trap")]
    public static void Trap(nuint mcause, nuint mepc, nuint mtval)
    {
        Console.Write("trap: mcause=0x");
        WriteHex(mcause);
        Console.Write(" mepc=0x");
        WriteHex(mepc);
        Console.Write(" mtval=0x");
        WriteHex(mtval);
        Console.WriteLine();
        Platform.Exit(1);
    }

    private static void WriteHex(nuint value)
    {
        char* buffer = stackalloc char[Number.MaxInt64Chars];
        char* end = buffer + Number.MaxInt64Chars;
        char* start = Number.UInt64ToHex(value, end);
        Console.WriteUtf16(start, (int)(end - start), newLine: false);
    }
}
