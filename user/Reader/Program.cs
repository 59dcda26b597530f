namespace User.Reader;

using System;
using UserAbi;

/// <summary>
/// Reads sectors 0 to N - 1 of blk0 (N: its argument, default 1000), one 512-byte request at a time, beside a counter
/// it starts first; then reports the CRC-32 of what it read (the host compares it with its own bytes of the disk)
/// and how many system calls the counter made meanwhile (with interrupts the reader sleeps during each request and
/// the counter runs), and kills the counter.
/// </summary>
public static unsafe class Program
{
    public static int Main()
    {
        ulong sectors = UserRuntime.Argument == 0 ? 1000 : UserRuntime.Argument;
        nint counter = Sys.Spawn("counter"u8);
        if (counter < 0)
        {
            Out.Line("reader: error: cannot start the counter");
            return 1;
        }

        // Let it start.
        Sys.Yield();
        ulong before = SystemCallsOf(counter);
        Span<byte> sector = stackalloc byte[512];
        uint crc = 0xFFFF_FFFF;
        for (ulong s = 0; s < sectors; s++)
        {
            nint result = Sys.BlockRead(0, s, sector);
            if (result != 512)
            {
                Out.Text("reader: error: blkread of sector ");
                Out.Decimal(s);
                Out.Text(" returned ");
                Out.Decimal((long)result);
                Out.Line();
                Sys.Kill(counter);
                Sys.Wait(counter);
                return 1;
            }

            crc = Crc32.Update(crc, sector);
        }

        ulong after = SystemCallsOf(counter);
        Sys.Kill(counter);
        Sys.Wait(counter);
        Out.Text("reader: read ");
        Out.Decimal(sectors);
        Out.Text(" sectors of blk0, crc32 ");
        Out.HexDigits(~crc, 8);
        Out.Line();
        Out.Text("reader: the counter made ");
        Out.Decimal(after - before);
        Out.Line(" system calls meanwhile");
        return 0;
    }

    static ulong SystemCallsOf(nint pid)
    {
        ProcessInfo info;
        for (int slot = 0; Sys.GetProcessInfo(slot, &info) != (nint)SystemCallError.OutOfRange; slot++)
        {
            if (info.Pid == pid)
            {
                return info.SystemCalls;
            }
        }

        return 0;
    }
}
