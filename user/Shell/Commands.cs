namespace User.Shell;

using System;
using UserAbi;

/// <summary>The shell's commands other than <c>exit</c>.</summary>
public static unsafe class Commands
{
    const int SectorSize = 512;
    const int MaxReadCount = 64;

    public static void Run(ReadOnlySpan<byte> line)
    {
        var words = new Words(line);
        ReadOnlySpan<byte> command = words.Next();
        if (command.IsEmpty)
        {
            return;
        }

        if (line.SequenceEqual("hello"u8))
        {
            Out.Line("Hello world from shell!");
        }
        else if (command.SequenceEqual("help"u8) && words.AtEnd)
        {
            Help();
        }
        else if (command.SequenceEqual("blk"u8))
        {
            Block(ref words);
        }
        else if (command.SequenceEqual("ps"u8) && words.AtEnd)
        {
            ProcessList();
        }
        else if (command.SequenceEqual("programs"u8) && words.AtEnd)
        {
            Programs();
        }
        else if (command.SequenceEqual("run"u8))
        {
            RunProgram(ref words);
        }
        else if (command.SequenceEqual("kill"u8))
        {
            KillProcess(ref words);
        }
        else if (FileCommands.TryRun(command, ref words))
        {
        }
        else
        {
            // The book's reply: the whole line.
            Out.Text("unknown command: ");
            Out.Bytes(line);
            Out.Line();
        }
    }

    static void Help()
    {
        Out.Line("commands:");
        Out.Line("  hello                        the book's greeting");
        Out.Line("  exit                         end the shell (the kernel powers off when no process is left)");
        Out.Line("  blk list                     the block devices: size, block size, ro/rw, serial, where");
        Out.Line("  blk read DEV SECTOR [COUNT]  hex dump of COUNT sectors from SECTOR (default 1, at most 64)");
        Out.Line("  blk write DEV SECTOR TEXT    write TEXT's bytes to one sector, the rest of it NUL bytes");
        Out.Line("  blk flush DEV                make completed writes durable");
        Out.Line("  blk id DEV                   the device's ID string (its serial number)");
        Out.Line("  blk discard DEV SECTOR COUNT let the device forget COUNT sectors (their contents are unspecified then)");
        Out.Line("  blk zero DEV SECTOR COUNT [unmap]");
        Out.Line("                               COUNT sectors read as zeroes (unmap: the device may deallocate them)");
        Out.Line("  blk cache DEV [writeback|writethrough]");
        Out.Line("                               the write cache's mode, or switch it (VIRTIO_BLK_F_CONFIG_WCE)");
        Out.Line("  readfile, writefile          the book's: print hello.txt; write \"Hello from shell!\\n\" to it and sync");
        Out.Line("  ls, cat NAME, write|append NAME TEXT, rm NAME, mkdir NAME, sync    the tar file system on blk0");
        Out.Line("  ps                           free memory and the processes");
        Out.Line("  programs                     the programs built into the kernel");
        Out.Line("  run NAME [ARG] [&] ...       start program NAME (ARG: a number for it); wait for it unless &;");
        Out.Line("                               more after &: run printer 1 & printer 2 &");
        Out.Line("  kill PID                     end process PID (the next time it enters the kernel: a system call");
        Out.Line("                               or the timer)");
    }

    static void Block(ref Words words)
    {
        ReadOnlySpan<byte> sub = words.Next();
        if (sub.SequenceEqual("list"u8))
        {
            if (!words.AtEnd)
            {
                Out.Line("usage: blk list");
                return;
            }

            BlockList();
        }
        else if (sub.SequenceEqual("read"u8))
        {
            BlockRead(ref words);
        }
        else if (sub.SequenceEqual("write"u8))
        {
            BlockWrite(ref words);
        }
        else if (sub.SequenceEqual("flush"u8))
        {
            BlockFlush(ref words);
        }
        else if (sub.SequenceEqual("id"u8))
        {
            BlockId(ref words);
        }
        else if (sub.SequenceEqual("discard"u8) || sub.SequenceEqual("zero"u8))
        {
            BlockRange(ref words, discard: sub.SequenceEqual("discard"u8));
        }
        else if (sub.SequenceEqual("cache"u8))
        {
            BlockCache(ref words);
        }
        else if (sub.IsEmpty)
        {
            Out.Line("usage: blk list | blk read DEV SECTOR [COUNT] | blk write DEV SECTOR TEXT | blk flush DEV | blk id DEV");
            Out.Line("       blk discard DEV SECTOR COUNT | blk zero DEV SECTOR COUNT [unmap] | blk cache DEV [writeback|writethrough]");
        }
        else
        {
            Out.Text("unknown command: blk ");
            Out.Bytes(sub);
            Out.Line(" (try help)");
        }
    }

    static void PrintDeviceName(int device)
    {
        Out.Text("blk");
        Out.Decimal((ulong)device);
    }

    static void BlockList()
    {
        BlockInfo info;
        int device = 0;
        for (; Sys.GetBlockInfo(device, &info) == 0; device++)
        {
            PrintDeviceName(device);
            Out.Text(": ");
            Out.Decimal(info.CapacityBytes);
            Out.Text(" bytes, block ");
            Out.Decimal((ulong)info.BlockSize);
            Out.Text((info.Flags & BlockInfo.FlagReadOnly) != 0 ? ", ro, serial \"" : ", rw, serial \"");
            for (int i = 0; i < info.SerialBytes; i++)
            {
                byte b = info.Serial[i];
                Out.Byte(b >= 0x20 && b < 0x7F ? b : (byte)'.');
            }

            Out.Text("\"; ");
            Out.Decimal(info.Sectors);
            Out.Text(" sectors, virtio-mmio@");
            Out.Hex(info.Address);
            Out.Text((info.Flags & BlockInfo.FlagModern) != 0 ? " (modern" : " (legacy");
            if (info.Slot >= 0)
            {
                Out.Text(", slot ");
                Out.Decimal((ulong)info.Slot);
            }

            if ((info.Flags & BlockInfo.FlagHasIrq) != 0)
            {
                Out.Text(", irq ");
                Out.Decimal((ulong)info.Irq);
            }

            Out.Text("), queue ");
            Out.Decimal((ulong)info.QueueSize);
            if ((info.Flags & BlockInfo.FlagInterrupts) != 0)
            {
                Out.Text(", interrupts (");
                Out.Decimal(info.Interrupts);
                Out.Text(" claimed in ");
                Out.Decimal(info.Waits);
                Out.Line(" waits)");
            }
            else
            {
                Out.Text(", polling (");
                Out.Decimal(info.Waits);
                Out.Line(" polls)");
            }
        }

        if (device == 0)
        {
            Out.Line("no block devices");
        }
    }

    /// <summary><c>blk0</c> to its number; prints the kernel shell's error and returns -1 when there is no such device.</summary>
    static int FindDevice(ReadOnlySpan<byte> name)
    {
        BlockInfo info;
        if (name.Length > 3 && name.Slice(0, 3).SequenceEqual("blk"u8)
            && Words.TryParseNumber(name.Slice(3), out ulong number) && number < 64
            && Sys.GetBlockInfo((int)number, &info) == 0)
        {
            return (int)number;
        }

        Out.Text("blk: no device '");
        Out.Bytes(name);
        Out.Line("' (try blk list)");
        return -1;
    }

    static bool ParseSector(ReadOnlySpan<byte> text, out ulong sector)
    {
        if (Words.TryParseNumber(text, out sector))
        {
            return true;
        }

        Out.Text("blk: bad sector number '");
        Out.Bytes(text);
        Out.Line("' (decimal, or hex with 0x)");
        return false;
    }

    /// <summary>A failed block call: the two errors the kernel leaves to the shell, as the kernel shell words them
    /// (any other the kernel printed itself).</summary>
    static void DeviceError(int device, nint error)
    {
        string? what = error switch
        {
            (nint)SystemCallError.ReadOnly => "disk is read-only",
            (nint)SystemCallError.OutOfRange => "sector out of range",
            (nint)SystemCallError.DeviceError => null,
            _ => "system call failed",
        };
        if (what == null)
        {
            return;
        }

        PrintDeviceName(device);
        Out.Text(": error: ");
        Out.Line(what);
    }

    static void BlockRead(ref Words words)
    {
        ReadOnlySpan<byte> name = words.Next();
        ReadOnlySpan<byte> sectorText = words.Next();
        ReadOnlySpan<byte> countText = words.Next();
        if (name.IsEmpty || sectorText.IsEmpty || !words.AtEnd)
        {
            Out.Line("usage: blk read DEV SECTOR [COUNT]");
            return;
        }

        int device = FindDevice(name);
        if (device < 0 || !ParseSector(sectorText, out ulong sector))
        {
            return;
        }

        ulong count = 1;
        if (!countText.IsEmpty && (!Words.TryParseNumber(countText, out count) || count == 0 || count > MaxReadCount))
        {
            Out.Text("blk: bad count '");
            Out.Bytes(countText);
            Out.Line("' (1 to 64)");
            return;
        }

        Span<byte> buffer = stackalloc byte[SectorSize];
        for (ulong i = 0; i < count; i++)
        {
            // Sector by sector, so that a range running past the end dumps what exists before the error.
            nint result = Sys.BlockRead(device, sector + i, buffer);
            if (result < 0)
            {
                DeviceError(device, result);
                return;
            }

            HexDump(buffer, (sector + i) * SectorSize);
        }
    }

    /// <summary>As <c>hexdump -C</c> (the kernel shell's Shell/HexDump.cs), no line collapsed.</summary>
    static void HexDump(ReadOnlySpan<byte> bytes, ulong offset)
    {
        for (int line = 0; line < bytes.Length; line += 16)
        {
            int count = bytes.Length - line < 16 ? bytes.Length - line : 16;
            Out.HexDigits(offset + (ulong)line, 8);
            Out.Text(" ");
            for (int i = 0; i < 16; i++)
            {
                Out.Text(i == 8 ? "  " : " ");
                if (i < count)
                {
                    Out.HexDigits(bytes[line + i], 2);
                }
                else
                {
                    Out.Text("  ");
                }
            }

            Out.Text("  |");
            for (int i = 0; i < count; i++)
            {
                byte b = bytes[line + i];
                Out.Byte(b >= 0x20 && b < 0x7F ? b : (byte)'.');
            }

            Out.Line("|");
        }
    }

    static void BlockWrite(ref Words words)
    {
        ReadOnlySpan<byte> name = words.Next();
        ReadOnlySpan<byte> sectorText = words.Next();
        ReadOnlySpan<byte> text = words.Rest();
        if (name.IsEmpty || sectorText.IsEmpty || text.IsEmpty)
        {
            Out.Line("usage: blk write DEV SECTOR TEXT");
            return;
        }

        int device = FindDevice(name);
        if (device < 0 || !ParseSector(sectorText, out ulong sector))
        {
            return;
        }

        Span<byte> buffer = stackalloc byte[SectorSize];
        buffer.Clear();
        int length = text.Length < SectorSize ? text.Length : SectorSize;
        text.Slice(0, length).CopyTo(buffer);
        nint result = Sys.BlockWrite(device, sector, buffer);
        if (result < 0)
        {
            DeviceError(device, result);
            return;
        }

        PrintDeviceName(device);
        Out.Text(": wrote sector ");
        Out.Decimal(sector);
        Out.Text(": ");
        Out.Decimal((ulong)length);
        Out.Line(length == 1 ? " byte of text, then NUL bytes" : " bytes of text, then NUL bytes");
    }

    static void BlockFlush(ref Words words)
    {
        ReadOnlySpan<byte> name = words.Next();
        if (name.IsEmpty || !words.AtEnd)
        {
            Out.Line("usage: blk flush DEV");
            return;
        }

        int device = FindDevice(name);
        if (device < 0)
        {
            return;
        }

        nint result = Sys.BlockFlush(device);
        if (result < 0)
        {
            DeviceError(device, result);
            return;
        }

        PrintDeviceName(device);
        Out.Line(": flushed");
    }

    /// <summary><c>blk discard DEV SECTOR COUNT</c> and <c>blk zero DEV SECTOR COUNT [unmap]</c> through blkdiscard and
    /// blkzero, with the kernel shell's replies.</summary>
    static void BlockRange(ref Words words, bool discard)
    {
        ReadOnlySpan<byte> name = words.Next();
        ReadOnlySpan<byte> sectorText = words.Next();
        ReadOnlySpan<byte> countText = words.Next();
        ReadOnlySpan<byte> flag = discard ? default : words.Next();
        bool unmap = flag.SequenceEqual("unmap"u8);
        if (name.IsEmpty || sectorText.IsEmpty || countText.IsEmpty || !(flag.IsEmpty || unmap) || !words.AtEnd)
        {
            Out.Line(discard ? "usage: blk discard DEV SECTOR COUNT" : "usage: blk zero DEV SECTOR COUNT [unmap]");
            return;
        }

        int device = FindDevice(name);
        if (device < 0 || !ParseSector(sectorText, out ulong sector))
        {
            return;
        }

        if (!Words.TryParseNumber(countText, out ulong count) || count == 0)
        {
            Out.Text("blk: bad count '");
            Out.Bytes(countText);
            Out.Line("' (at least 1)");
            return;
        }

        nint result = discard ? Sys.BlockDiscard(device, sector, count) : Sys.BlockZero(device, sector, count, unmap);
        if (result < 0)
        {
            DeviceError(device, result);
            return;
        }

        PrintDeviceName(device);
        Out.Text(discard ? ": discarded " : ": zeroed ");
        Out.Decimal(count);
        Out.Text(count == 1 ? " sector from sector " : " sectors from sector ");
        Out.Decimal(sector);
        Out.Line(unmap ? " (unmap allowed)" : "");
    }

    /// <summary><c>blk cache DEV [writeback|writethrough]</c> through blkcache, with the kernel shell's replies.</summary>
    static void BlockCache(ref Words words)
    {
        ReadOnlySpan<byte> name = words.Next();
        ReadOnlySpan<byte> mode = words.Next();
        bool writeback = mode.SequenceEqual("writeback"u8);
        if (name.IsEmpty || !(mode.IsEmpty || writeback || mode.SequenceEqual("writethrough"u8)) || !words.AtEnd)
        {
            Out.Line("usage: blk cache DEV [writeback|writethrough]");
            return;
        }

        int device = FindDevice(name);
        if (device < 0)
        {
            return;
        }

        nint state = Sys.BlockCache(device, BlockCacheMode.Ask);
        if (state >= 0 && !mode.IsEmpty)
        {
            if ((state & BlockCacheMode.IsSwitchable) == 0)
            {
                PrintDeviceName(device);
                Out.Line(": error: the device cannot switch its cache mode (VIRTIO_BLK_F_CONFIG_WCE)");
                return;
            }

            state = Sys.BlockCache(device, writeback ? BlockCacheMode.Writeback : BlockCacheMode.Writethrough);
        }

        if (state < 0)
        {
            DeviceError(device, state);
            return;
        }

        PrintDeviceName(device);
        Out.Text((state & BlockCacheMode.IsWriteback) != 0 ? ": cache writeback" : ": cache writethrough");
        Out.Line((state & BlockCacheMode.IsSwitchable) != 0 ? ", switchable" : ", fixed");
    }

    static void BlockId(ref Words words)
    {
        ReadOnlySpan<byte> name = words.Next();
        if (name.IsEmpty || !words.AtEnd)
        {
            Out.Line("usage: blk id DEV");
            return;
        }

        int device = FindDevice(name);
        if (device < 0)
        {
            return;
        }

        Span<byte> id = stackalloc byte[BlockInfo.SerialLength];
        nint length = Sys.BlockId(device, id);
        if (length < 0)
        {
            DeviceError(device, length);
            return;
        }

        PrintDeviceName(device);
        Out.Text(": id \"");
        for (int i = 0; i < (int)length; i++)
        {
            byte b = id[i];
            Out.Byte(b >= 0x20 && b < 0x7F ? b : (byte)'.');
        }

        Out.Line("\"");
    }

    static void ProcessList()
    {
        Out.Text("memory: ");
        Out.Decimal((ulong)Sys.FreeMemory() / 1024);
        Out.Line(" KiB free");
        Out.Line("  PID  PARENT  STATE     RUNS  SYSCALLS  PREEMPTED  NAME");
        ProcessInfo info;
        for (int slot = 0; slot < 64; slot++)
        {
            nint result = Sys.GetProcessInfo(slot, &info);
            if (result == (nint)SystemCallError.OutOfRange)
            {
                break;
            }

            if (result != 0)
            {
                continue;
            }

            Column((ulong)info.Pid, 5);
            Column((ulong)info.Parent, 8);
            Out.Text("  ");
            string state = info.State switch
            {
                (int)ProcessState.Runnable => "runnable",
                (int)ProcessState.Running => "running ",
                (int)ProcessState.Sleeping => "sleeping",
                (int)ProcessState.Zombie => "zombie  ",
                _ => "?       ",
            };
            Out.Text(state);
            Column(info.Runs, 6);
            Column(info.SystemCalls, 10);
            Column(info.Preemptions, 11);
            Out.Text("  ");
            for (int i = 0; i < ProcessInfo.NameLength && info.Name[i] != 0; i++)
            {
                Out.Byte(info.Name[i]);
            }

            Out.Line();
        }
    }

    /// <summary>A number right-aligned in <paramref name="width"/> columns.</summary>
    static void Column(ulong value, int width)
    {
        int digits = 1;
        for (ulong v = value; v >= 10; v /= 10)
        {
            digits++;
        }

        for (int i = digits; i < width; i++)
        {
            Out.Byte((byte)' ');
        }

        Out.Decimal(value);
    }

    static void Programs()
    {
        Span<byte> name = stackalloc byte[ProcessInfo.NameLength];
        for (int i = 0; ; i++)
        {
            nint length = Sys.GetProgramName(i, name);
            if (length < 0)
            {
                break;
            }

            Out.Bytes(name.Slice(0, (int)length));
            Out.Line();
        }
    }

    /// <summary><c>run NAME [ARG] [&amp; NAME [ARG] ...] [&amp;]</c>: starts each program in turn (all before any of
    /// them runs: the shell keeps the hart until it waits); waits for the last one unless the line ends with &amp;.</summary>
    static void RunProgram(ref Words words)
    {
        const string Usage = "usage: run NAME [ARG] [& NAME [ARG] ...] [&]";
        nint last = 0;
        bool background = false;
        ReadOnlySpan<byte> name = words.Next();
        if (name.IsEmpty)
        {
            Out.Line(Usage);
            return;
        }

        while (!name.IsEmpty)
        {
            ReadOnlySpan<byte> next = words.Next();
            ulong argument = 0;
            if (!next.IsEmpty && !next.SequenceEqual("&"u8))
            {
                if (!Words.TryParseNumber(next, out argument))
                {
                    Out.Line(Usage);
                    return;
                }

                next = words.Next();
            }

            background = next.SequenceEqual("&"u8);
            if (!background && !next.IsEmpty)
            {
                Out.Line(Usage);
                return;
            }

            last = Sys.Spawn(name, (nint)argument);
            if (last < 0)
            {
                Out.Text("run: cannot start ");
                Out.Bytes(name);
                Out.Line(last == (nint)SystemCallError.NotFound ? ": no such program (try programs)" : ": no room for another process");
                return;
            }

            if (background)
            {
                Out.Text("[");
                Out.Decimal((ulong)last);
                Out.Text("] ");
                Out.Bytes(name);
                Out.Line();
            }

            name = background ? words.Next() : default;
        }

        if (!background)
        {
            Sys.Wait(last);
        }
    }

    /// <summary><c>kill PID</c>: the kill system call; the process ends the next time it enters the kernel, so a
    /// program that never makes a system call ends at its next timer interrupt.</summary>
    static void KillProcess(ref Words words)
    {
        ReadOnlySpan<byte> text = words.Next();
        if (text.IsEmpty || !words.AtEnd || !Words.TryParseNumber(text, out ulong pid) || pid > int.MaxValue)
        {
            Out.Line("usage: kill PID");
            return;
        }

        if (Sys.Kill((nint)pid) < 0)
        {
            Out.Text("kill: no process ");
            Out.Decimal(pid);
            Out.Line(" (or it is this shell, or it has ended; try ps)");
        }
    }
}
