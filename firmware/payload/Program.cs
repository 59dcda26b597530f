namespace SbiPayload;

using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.RiscV;
using System.Threading;
using Internal.Runtime;

/// <summary>
/// The SBI test payload (firmware/README.md, "The test payload"): entered in S-mode by OpenSBI or rvcsbi, it makes
/// every SBI call the firmware implements and prints what came back, one line each, through SBI console_putchar.
/// Then it reads two lines from the console (the first through the legacy getchar, the second through DBCN
/// console_read when the firmware has DBCN), and the first line says how it ends: <c>shutdown</c>, <c>fail</c>,
/// <c>reboot</c>, <c>legacy-shutdown</c> (SBI calls), <c>exit N</c> (sifive_test, status N), <c>touch-firmware</c>,
/// <c>write-firmware</c>, <c>touch-clint</c> (PMP access faults) or <c>illegal</c> (an M-mode CSR), which end in
/// the payload's trap vector with status 3.
/// </summary>
public static unsafe class Program
{
    private const nuint SipStip = 1 << 5;   // sip/sie: supervisor timer interrupt
    private const ulong TenMilliseconds = 100_000;   // time CSR ticks at QEMU virt's 10 MHz
    private const ulong InputTimeout = 300_000_000;  // 30 s

    public static int Main()
    {
        if (RuntimeInformation.Arch == TargetArch.Host)
        {
            return 1;
        }

        Out.Write("payload: S-mode, hart ");
        Out.Decimal((long)payload_boot_hartid());
        Out.Write(", device tree ");
        Out.Hex(payload_boot_dtb());
        Out.Write('\n');
        Out.Write("payload: entry satp=");
        Out.Hex(Rv.ReadCsr(Csr.Satp));
        Out.Write(" sstatus.SIE=");
        Out.Decimal((long)((Rv.ReadCsr(Csr.Sstatus) >> 1) & 1));
        Out.Write('\n');

        BaseExtension();
        bool haveDbcn = Sbi.Probe(Sbi.DebugConsole) != 0;
        Out.Write("sbi: probe dbcn=");
        Out.Decimal(haveDbcn ? 1 : 0);
        Out.Write('\n');
        UnsupportedCalls();
        if (haveDbcn)
        {
            DebugConsoleWrites();
        }
        else
        {
            Out.Write("dbcn: not available; console_write_byte -> error ");
            Out.Decimal(Sbi.Call(Sbi.DebugConsole, Sbi.ConsoleWriteByte, (byte)'!', out _));
            Out.Write('\n');
        }

        Timer();

        byte* action = stackalloc byte[64];
        byte* second = stackalloc byte[64];
        int actionLength = ReadLineWithGetchar(action, 64);
        int secondLength = haveDbcn ? ReadLineWithDbcn(second, 64) : ReadLineWithGetchar(second, 64);
        if (actionLength < 0 || secondLength < 0)
        {
            Out.Line("payload: no input (two lines expected on the console)");
            return 2;
        }

        PrintInput("input: line 1 (getchar): ", action, actionLength);
        PrintInput("input: line 2: ", second, secondLength);
        return Act(action, actionLength);
    }

    private static void BaseExtension()
    {
        Sbi.Call(Sbi.Base, Sbi.GetSpecVersion, 0, out nuint spec);
        Out.Write("sbi: spec version ");
        Out.Decimal((long)((spec >> 24) & 0x7F));
        Out.Write('.');
        Out.Decimal((long)(spec & 0xFF_FFFF));
        Out.Write('\n');
        Sbi.Call(Sbi.Base, Sbi.GetImplId, 0, out nuint implId);
        Sbi.Call(Sbi.Base, Sbi.GetImplVersion, 0, out nuint implVersion);
        Out.Write("sbi: impl id ");
        Out.Hex(implId);
        Out.Write(" version ");
        Out.Hex(implVersion);
        Out.Write('\n');
        Sbi.Call(Sbi.Base, Sbi.GetMvendorid, 0, out nuint vendor);
        Sbi.Call(Sbi.Base, Sbi.GetMarchid, 0, out nuint arch);
        Sbi.Call(Sbi.Base, Sbi.GetMimpid, 0, out nuint imp);
        Out.Write("sbi: mvendorid ");
        Out.Hex(vendor);
        Out.Write(" marchid ");
        Out.Hex(arch);
        Out.Write(" mimpid ");
        Out.Hex(imp);
        Out.Write('\n');
        Out.Write("sbi: probe base=");
        Out.Decimal((long)Sbi.Probe(Sbi.Base));
        Out.Write(" time=");
        Out.Decimal((long)Sbi.Probe(Sbi.Time));
        Out.Write(" srst=");
        Out.Decimal((long)Sbi.Probe(Sbi.SystemReset));
        Out.Write(" legacy set_timer=");
        Out.Decimal((long)Sbi.Probe(Sbi.LegacySetTimer));
        Out.Write(" putchar=");
        Out.Decimal((long)Sbi.Probe(Sbi.LegacyConsolePutchar));
        Out.Write(" getchar=");
        Out.Decimal((long)Sbi.Probe(Sbi.LegacyConsoleGetchar));
        Out.Write(" shutdown=");
        Out.Decimal((long)Sbi.Probe(Sbi.LegacyShutdown));
        Out.Write(" unknown=");
        Out.Decimal((long)Sbi.Probe(0x1234_5678));
        Out.Write('\n');
    }

    /// <summary>What the specification says must fail, and how.</summary>
    private static void UnsupportedCalls()
    {
        Report("sbi: unknown extension 0x12345678 -> error ", Sbi.Call(0x1234_5678, 0, 0, out _));
        Report("sbi: unknown legacy extension 0x09 -> ", Sbi.Legacy(0x09, 0));
        Report("sbi: base function 7 -> error ", Sbi.Call(Sbi.Base, 7, 0, out _));
        Report("sbi: time function 1 -> error ", Sbi.Call(Sbi.Time, 1, 0, out _));
        Report("sbi: srst function 1 -> error ", Sbi.Call(Sbi.SystemReset, 1, 0, out _));
        Report("sbi: srst shutdown, reason 2 -> error ", Sbi.Call(Sbi.SystemReset, 0, 0, 2, 0, out _));
        Report("sbi: srst type 3 -> error ", Sbi.Call(Sbi.SystemReset, 0, 3, 0, 0, out _));
    }

    private static void DebugConsoleWrites()
    {
        byte* text = stackalloc byte[48];
        int length = Ascii("dbcn: console_write: bytes from S-mode memory\n", text);
        nint error = Sbi.Call(Sbi.DebugConsole, Sbi.ConsoleWrite, (nuint)length, (nuint)text, 0, out nuint written);
        Out.Write("dbcn: console_write -> error ");
        Out.Decimal(error);
        Out.Write(", ");
        Out.Decimal((long)written);
        Out.Write(" of ");
        Out.Decimal(length);
        Out.Line(" bytes written");
        Out.Write("dbcn: console_write_byte: ");
        nint byteError = Sbi.Call(Sbi.DebugConsole, Sbi.ConsoleWriteByte, (byte)'#', out _);
        Out.Write(" -> error ");
        Out.Decimal(byteError);
        Out.Write('\n');
        Report("dbcn: console_write from the firmware's memory -> error ",
            Sbi.Call(Sbi.DebugConsole, Sbi.ConsoleWrite, 16, 0x8000_0000, 0, out _));
        Report("dbcn: console_write with base_addr_hi 1 -> error ",
            Sbi.Call(Sbi.DebugConsole, Sbi.ConsoleWrite, 1, (nuint)text, 1, out _));
        Report("dbcn: console_write of 2 bytes from the last address (wraps around) -> error ",
            Sbi.Call(Sbi.DebugConsole, Sbi.ConsoleWrite, 2, nuint.MaxValue, 0, out _));
        Report("dbcn: function 3 -> error ", Sbi.Call(Sbi.DebugConsole, 3, 0, out _));
    }

    /// <summary>set_timer through TIME and through the legacy call: STIP shows in sip once time passes the value,
    /// and a new set_timer clears it.</summary>
    private static void Timer()
    {
        // Local enable only (sstatus.SIE stays 0): wfi wakes on the pending interrupt, no trap is taken.
        Rv.SetCsr(Csr.Sie, SipStip);
        ulong target = Csr.ReadTime() + TenMilliseconds;
        nint error = Sbi.SetTimer(target);
        Out.Write("timer: set_timer(time + 10 ms) -> error ");
        Out.Decimal(error);
        Out.Write(", sip.STIP before: ");
        Out.Decimal((long)((Rv.ReadCsr(Csr.Sip) & SipStip) >> 5));
        Out.Write('\n');
        WaitForTimer(target);

        Sbi.SetTimer(ulong.MaxValue);
        Out.Write("timer: set_timer(all ones) -> sip.STIP ");
        Out.Decimal((long)((Rv.ReadCsr(Csr.Sip) & SipStip) >> 5));
        Out.Write('\n');

        target = Csr.ReadTime() + TenMilliseconds;
        nint legacy = Sbi.Legacy(Sbi.LegacySetTimer, (nuint)target, sizeof(nuint) == 4 ? (nuint)(target >> 32) : 0);
        Out.Write("timer: legacy set_timer(time + 10 ms) -> ");
        Out.Decimal(legacy);
        Out.Write('\n');
        WaitForTimer(target);
        Sbi.SetTimer(ulong.MaxValue);
        Rv.ClearCsr(Csr.Sie, SipStip);
    }

    private static void WaitForTimer(ulong target)
    {
        while ((Rv.ReadCsr(Csr.Sip) & SipStip) == 0)
        {
            Rv.Wfi();
        }

        Out.Write("timer: sip.STIP after wfi: 1, time >= value: ");
        Out.Line(Csr.ReadTime() >= target ? "yes" : "no");
    }

    /// <summary>One line through the legacy getchar (-1: nothing yet); -1 if none comes within 30 s. Empty lines are
    /// skipped: OpenSBI v1.1 reads the UART's receive buffer once when it starts, which loses the first byte of input
    /// that was already waiting (piped input), so a test starts its input with an empty line.</summary>
    private static int ReadLineWithGetchar(byte* buffer, int capacity)
    {
        ulong deadline = Csr.ReadTime() + InputTimeout;
        int length = 0;
        while (Csr.ReadTime() < deadline)
        {
            nint c = Sbi.Legacy(Sbi.LegacyConsoleGetchar, 0);
            if (c < 0)
            {
                continue;
            }

            if (c == '\n' && length > 0)
            {
                return length;
            }

            if (c != '\n' && c != '\r' && length < capacity)
            {
                buffer[length++] = (byte)c;
            }
        }

        return -1;
    }

    /// <summary>One line through DBCN console_read, up to 16 bytes a call (the input is two lines: nothing follows
    /// this one), empty lines skipped; -1 if none comes within 30 s or a call fails.</summary>
    private static int ReadLineWithDbcn(byte* buffer, int capacity)
    {
        byte* chunk = stackalloc byte[16];
        ulong deadline = Csr.ReadTime() + InputTimeout;
        int length = 0;
        while (Csr.ReadTime() < deadline)
        {
            if (Sbi.Call(Sbi.DebugConsole, Sbi.ConsoleRead, 16, (nuint)chunk, 0, out nuint read) != 0)
            {
                return -1;
            }

            for (nuint i = 0; i < read; i++)
            {
                byte c = chunk[i];
                if (c == '\n' && length > 0)
                {
                    return length;
                }

                if (c != '\n' && c != '\r' && length < capacity)
                {
                    buffer[length++] = c;
                }
            }
        }

        return -1;
    }

    private static int Act(byte* line, int length)
    {
        if (Is(line, length, "shutdown"))
        {
            return SystemReset(0, 0);
        }

        if (Is(line, length, "fail"))
        {
            return SystemReset(0, 1);
        }

        if (Is(line, length, "reboot"))
        {
            return SystemReset(1, 0);
        }

        if (Is(line, length, "legacy-shutdown"))
        {
            Out.Line("payload: legacy shutdown");
            Report("sbi: legacy shutdown returned ", Sbi.Legacy(Sbi.LegacyShutdown, 0));
            return 2;
        }

        if (Is(line, length, "touch-firmware"))
        {
            Out.Line("payload: reading the firmware's first word at 0x80000000");
            Out.Hex(Volatile.Read(ref *(uint*)0x8000_0000));
            Out.Line(": read, PMP did not stop it");
            return 2;
        }

        if (Is(line, length, "write-firmware"))
        {
            Out.Line("payload: writing the firmware's first word at 0x80000000");
            Volatile.Write(ref *(uint*)0x8000_0000, 0u);
            Out.Line("written, PMP did not stop it");
            return 2;
        }

        if (Is(line, length, "touch-clint"))
        {
            Out.Line("payload: reading the CLINT's mtime at 0x200bff8");
            Out.Hex(Volatile.Read(ref *(uint*)0x200_BFF8));
            Out.Line(": read, PMP did not stop it");
            return 2;
        }

        if (Is(line, length, "illegal"))
        {
            Out.Line("payload: reading mstatus, an M-mode CSR");
            Out.Hex(Rv.ReadCsr(Csr.Mstatus));
            Out.Line(": read in S-mode");
            return 2;
        }

        if (length > 5 && Is(line, 5, "exit "))
        {
            int status = 0;
            for (int i = 5; i < length && status < 1000; i++)
            {
                status = (status * 10) + (line[i] - '0');
            }

            Out.Write("payload: exit ");
            Out.Decimal(status);
            Out.Write('\n');
            return status;
        }

        Out.Line("payload: unknown action (shutdown, fail, reboot, legacy-shutdown, exit N, touch-firmware, write-firmware, touch-clint, illegal)");
        return 2;
    }

    private static int SystemReset(nuint type, nuint reason)
    {
        Out.Write("payload: system_reset(");
        Out.Decimal((long)type);
        Out.Write(", ");
        Out.Decimal((long)reason);
        Out.Line(")");
        Report("sbi: system_reset returned error ", Sbi.Call(Sbi.SystemReset, 0, type, reason, 0, out _));
        return 2;
    }

    /// <summary>Ends the payload with <paramref name="status"/> (entry.S's rvc_exit).</summary>
    [DoesNotReturn]
    public static void Exit(int status) => rvc_exit(status);

    private static void Report(string what, nint result)
    {
        Out.Write(what);
        Out.Decimal(result);
        Out.Write('\n');
    }

    private static void PrintInput(string what, byte* line, int length)
    {
        Out.Write(what);
        Out.Write('"');
        for (int i = 0; i < length; i++)
        {
            Out.Write((char)line[i]);
        }

        Out.Line("\"");
    }

    private static int Ascii(string text, byte* buffer)
    {
        for (int i = 0; i < text.Length; i++)
        {
            buffer[i] = (byte)text[i];
        }

        return text.Length;
    }

    private static bool Is(byte* line, int length, string word)
    {
        if (length != word.Length)
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            if (line[i] != word[i])
            {
                return false;
            }
        }

        return true;
    }

    [DllImport("*")]
    private static extern nuint payload_boot_hartid();

    [DllImport("*")]
    private static extern nuint payload_boot_dtb();

    [DllImport("*")]
    [DoesNotReturn]
    private static extern void rvc_exit(int status);
}
