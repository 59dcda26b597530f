namespace User.BadPointer;

using System;
using UserAbi;

/// <summary>
/// Hands system calls pointers it does not own: the kernel's text (0x80200000), the kernel's free RAM (0x87000000),
/// an unmapped user address, its own read-only text as a buffer to fill, a length that wraps, and an unknown call
/// number. Each must come back as an error code (the kernel never faults, never reads or writes there); the kernel's
/// CRC-32 of the kernel pages it aimed at is the same before and after. Then it shows it still runs and exits 0
/// (1 if any call was not refused).
/// </summary>
public static unsafe class Program
{
    const nuint KernelText = 0x8020_0000;
    const nuint KernelFreeRam = 0x8700_0000;
    const nuint Unmapped = 0x1F0_0000;

    static int s_failures;

    public static int Main()
    {
        nint textBefore = Sys.KernelChecksum(KernelText, 4096);
        nint ramBefore = Sys.KernelChecksum(KernelFreeRam, 4096);

        Expect("write(kernel text)", Sys.Write((byte*)KernelText, 16), SystemCallError.BadAddress);
        Expect("write(unmapped)", Sys.Write((byte*)Unmapped, 16), SystemCallError.BadAddress);
        Expect("write(wrapping length)", Sys.Call(SystemCall.Write, 0x100_0000, -16), SystemCallError.BadAddress);
        Expect("blkread(kernel text)", Sys.Call(SystemCall.BlockRead, 0, 0, unchecked((nint)KernelText), 512), SystemCallError.BadAddress);
        Expect("blkread(kernel RAM)", Sys.Call(SystemCall.BlockRead, 0, 0, unchecked((nint)KernelFreeRam), 512), SystemCallError.BadAddress);
        Expect("blkread(own text)", Sys.Call(SystemCall.BlockRead, 0, 0, 0x100_0000, 512), SystemCallError.BadAddress);
        Expect("blkwrite(kernel RAM)", Sys.Call(SystemCall.BlockWrite, 0, 0, unchecked((nint)KernelFreeRam), 512), SystemCallError.BadAddress);
        Expect("procinfo(kernel RAM)", Sys.Call(SystemCall.ProcessInfo, 0, unchecked((nint)KernelFreeRam)), SystemCallError.BadAddress);
        Expect("spawn(kernel text)", Sys.Call(SystemCall.Spawn, unchecked((nint)KernelText), 5), SystemCallError.BadAddress);
        Expect("call 99", Sys.Call((SystemCall)99), SystemCallError.NoSuchCall);
        Expect("readfile(kernel name)", Sys.Call(SystemCall.ReadFile, unchecked((nint)KernelText), 9, 0x100_0000, 16), SystemCallError.BadAddress);

        nint textAfter = Sys.KernelChecksum(KernelText, 4096);
        nint ramAfter = Sys.KernelChecksum(KernelFreeRam, 4096);
        Out.Text("badptr: kernel crc32 before ");
        Out.HexDigits((uint)textBefore, 8);
        Out.Text(" ");
        Out.HexDigits((uint)ramBefore, 8);
        Out.Text(", after ");
        Out.HexDigits((uint)textAfter, 8);
        Out.Text(" ");
        Out.HexDigits((uint)ramAfter, 8);
        Out.Line(textBefore == textAfter && ramBefore == ramAfter ? ": unchanged" : ": CHANGED");
        if (textBefore != textAfter || ramBefore != ramAfter)
        {
            s_failures++;
        }

        Out.Text("badptr: still running, ");
        Out.Decimal((ulong)s_failures);
        Out.Line(" unexpected results");
        return s_failures == 0 ? 0 : 1;
    }

    static void Expect(string what, nint result, SystemCallError expected)
    {
        Out.Text("badptr: ");
        Out.Text(what);
        Out.Text(" = ");
        Out.Decimal((long)result);
        if (result == (nint)expected)
        {
            Out.Line(" (refused, as it should be)");
        }
        else
        {
            Out.Line(" UNEXPECTED");
            s_failures++;
        }
    }
}
