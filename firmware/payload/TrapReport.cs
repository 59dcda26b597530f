namespace SbiPayload;

using System.Runtime.InteropServices;

/// <summary>
/// The payload's S-mode traps (entry.S's <c>payload_trap_vector</c>): each is the end of a test, e.g. the access fault of
/// touching the firmware's memory, which PMP denies. Prints the cause by the privileged specification's name, and the
/// registers, then ends with status 3 (written to sifive_test: SRST cannot carry a status).
/// </summary>
internal static class TrapReport
{
    public const int ExitStatus = 3;

    [UnmanagedCallersOnly(EntryPoint = "payload_trap")]
    public static void Report(nuint scause, nuint sepc, nuint stval)
    {
        Out.Write("payload: trap: ");
        Out.Write(Name(scause));
        Out.Write(" scause=");
        Out.Hex(scause);
        Out.Write(" stval=");
        Out.Hex(stval);
        Out.Write(" sepc in payload: ");
        Out.Line(sepc >= 0x8020_0000 ? "yes" : "no");
        Program.Exit(ExitStatus);
    }

    private static string Name(nuint scause)
    {
        if ((nint)scause < 0)
        {
            return "interrupt";
        }

        return scause switch
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
            12 => "instruction page fault",
            13 => "load page fault",
            15 => "store/AMO page fault",
            _ => "exception",
        };
    }
}
