namespace Kernel.Shell;

using System;
using Kernel.Drivers.Virtio;
using Kernel.Interrupts;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Storage;

/// <summary>
/// The kernel shell (command line <c>shell</c>): reads lines from the UART (<see cref="LineEditor"/>), prompt
/// <c>"> "</c>, and runs the commands <see cref="PrintHelp"/> lists on the block-device layer. No heap: a command
/// works on slices of its line. Returns the exit status when told to power off.
/// </summary>
public static class CommandShell
{
    /// <summary>The most sectors one <c>blk read</c> dumps.</summary>
    public const int MaxReadCount = 64;

    const int SectorSize = BlockDevice<PollingWait>.SectorSize;

    /// <summary>The largest logical block the driver takes: the shell keeps one on its stack.</summary>
    const int MaxBlockSize = (int)Kernel.Drivers.Virtio.VirtioBlk<MmioRegisters, Kernel.Memory.PageAllocator, PollingWait>.MaxBlockSize;

    /// <summary>Runs the shell until <c>poweroff</c>; returns its exit status. The UART's receive interrupt is
    /// enabled and its PLIC source too, so that the hart sleeps in <c>wfi</c> between keystrokes; when the PLIC has
    /// no such source the shell polls the UART instead.</summary>
    public static int Run<TWait>(ref BlockDeviceTable<TWait> table, in InterruptHardware hardware)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        bool sleep = InterruptSetup.EnableSource(hardware, hardware.UartIrq);
        if (sleep)
        {
            UartInput.EnableReceiveInterrupt();
        }

        Kernel.Bench.BenchShellCommand.Timebase = hardware.TimebaseFrequency;
        FileCommands.Mount(ref table);
        Print.Line("shell: type help for the commands");
        LineEditor editor = default;
        Span<byte> line = stackalloc byte[LineEditor.Capacity];
        while (true)
        {
            Print.Text("> ");
            while (!editor.Feed(UartInput.ReadBlocking(sleep)))
            {
            }

            int length = editor.TakeLine(line);
            if (length < 0)
            {
                Print.Text("shell: error: line longer than ");
                Print.Decimal(LineEditor.Capacity);
                Print.Line(" characters; nothing was run");
                continue;
            }

            if (Execute(ref table, line.Slice(0, length), out int status))
            {
                return status;
            }
        }
    }

    /// <summary>Runs one command line. True when the shell is to end (poweroff), with the exit status.</summary>
    public static bool Execute<TWait>(ref BlockDeviceTable<TWait> table, ReadOnlySpan<byte> line, out int status)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        status = 0;
        var words = new Words(line);
        ReadOnlySpan<byte> command = words.Next();
        if (command.IsEmpty)
        {
            return false;
        }

        if (command.SequenceEqual("help"u8))
        {
            PrintHelp();
        }
        else if (command.SequenceEqual("blk"u8))
        {
            Block(ref table, ref words);
        }
        else if (command.SequenceEqual("bench"u8))
        {
            Kernel.Bench.BenchShellCommand.Run(ref table, words.Rest());
        }
        else if (command.SequenceEqual("poweroff"u8))
        {
            status = PowerOff(ref table);
            return true;
        }
        else if (!FileCommands.TryRun(ref table, command, ref words))
        {
            Unknown(command);
        }

        return false;
    }

    public static void PrintHelp()
    {
        Print.Line("commands:");
        Print.Line("  help                         this list");
        Print.Line("  blk list                     the block devices: size, block size, ro/rw, serial, where");
        Print.Line("  blk read DEV BLOCK [COUNT]   hex dump of COUNT blocks from BLOCK (default 1, at most 64)");
        Print.Line("  blk write DEV BLOCK TEXT     write TEXT's bytes to one block, the rest of it NUL bytes");
        Print.Line("                               (a block is the disk's logical block: 512 bytes, or its blk_size)");
        Print.Line("  blk flush DEV                make completed writes durable");
        Print.Line("  blk id DEV                   the device's ID string (its serial number)");
        Print.Line("  blk discard DEV BLOCK COUNT  let the device forget COUNT blocks (their contents are unspecified then)");
        Print.Line("  blk zero DEV BLOCK COUNT [unmap]");
        Print.Line("                               COUNT blocks read as zeroes (unmap: the device may deallocate them)");
        Print.Line("  blk cache DEV [writeback|writethrough]");
        Print.Line("                               the write cache's mode, or switch it (VIRTIO_BLK_F_CONFIG_WCE)");
        Print.Line("  bench [DEV] [NAME=VALUE ...] the disk benchmark on DEV (default blk0; it overwrites the disk):");
        Print.Line("                               ms, n, sizes, qd, ops, patterns, verify, seed, features (as bench.*)");
        FileCommands.PrintHelp();
        Print.Line("  poweroff                     sync, flush every writable disk and power off (exit status 0)");
        Print.Line("DEV: blk0, blk1, ...; numbers: decimal, or hex with 0x; sectors are 512 bytes.");
        Print.Line("Editing: backspace erases a character, Ctrl-U the line, Ctrl-C abandons it.");
    }

    static void Block<TWait>(ref BlockDeviceTable<TWait> table, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        ReadOnlySpan<byte> sub = words.Next();
        if (sub.SequenceEqual("list"u8))
        {
            if (!words.AtEnd)
            {
                Print.Line("usage: blk list");
                return;
            }

            List(ref table);
        }
        else if (sub.SequenceEqual("read"u8))
        {
            ReadSectors(ref table, ref words);
        }
        else if (sub.SequenceEqual("write"u8))
        {
            WriteSector(ref table, ref words);
        }
        else if (sub.SequenceEqual("flush"u8))
        {
            Flush(ref table, ref words);
        }
        else if (sub.SequenceEqual("id"u8))
        {
            Identify(ref table, ref words);
        }
        else if (sub.SequenceEqual("discard"u8))
        {
            RangeCommands.Discard(ref table, ref words);
        }
        else if (sub.SequenceEqual("zero"u8))
        {
            RangeCommands.Zero(ref table, ref words);
        }
        else if (sub.SequenceEqual("cache"u8))
        {
            RangeCommands.Cache(ref table, ref words);
        }
        else if (sub.IsEmpty)
        {
            Print.Line("usage: blk list | blk read DEV SECTOR [COUNT] | blk write DEV SECTOR TEXT | blk flush DEV | blk id DEV");
            Print.Line("       blk discard DEV BLOCK COUNT | blk zero DEV BLOCK COUNT [unmap] | blk cache DEV [writeback|writethrough]");
        }
        else
        {
            // The whole of "blk frob", trailing arguments left out.
            Print.Text("unknown command: blk ");
            Print.Ascii(sub);
            Print.Line(" (try help)");
        }
    }

    static void List<TWait>(ref BlockDeviceTable<TWait> table)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (table.Count == 0)
        {
            Print.Line("no block devices");
            return;
        }

        for (int i = 0; i < table.Count; i++)
        {
            ref BlockDevice<TWait> device = ref table[i];
            device.Driver.RefreshConfiguration();   // a resize (QMP block_resize) shows at once
            device.PrintSummary();
            Print.Text("; ");
            Print.Decimal(device.CapacitySectors);
            Print.Text(" sectors, virtio-mmio@");
            Print.Hex(device.Address);
            Print.Text(device.Driver.TransportVersion == VirtioMmio.VersionModern ? " (modern" : " (legacy");
            if (device.Slot >= 0)
            {
                Print.Text(", slot ");
                Print.Decimal((ulong)device.Slot);
            }

            if (device.Irq != DeviceTree.VirtioMmioNode.NoIrq)
            {
                Print.Text(", irq ");
                Print.Decimal((ulong)device.Irq);
            }

            Print.Text(device.Driver.UsesPackedRing ? "), packed queue " : "), split queue ");
            Print.Decimal((ulong)device.Driver.QueueSize);
            TWait wait = device.Driver.CompletionWait;
            if (device.Driver.UsesInterrupts)
            {
                Print.Text(", interrupts (");
                Print.Decimal(wait.InterruptsClaimed);
                Print.Text(" claimed in ");
                Print.Decimal(wait.Waits);
                Print.Line(" waits)");
            }
            else
            {
                Print.Text(", polling (");
                Print.Decimal(wait.Waits);
                Print.Line(" polls)");
            }

            RangeCommands.PrintFeatures(ref device);
        }
    }

    static void ReadSectors<TWait>(ref BlockDeviceTable<TWait> table, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        const string Usage = "usage: blk read DEV BLOCK [COUNT]";
        ReadOnlySpan<byte> name = words.Next();
        ReadOnlySpan<byte> sectorText = words.Next();
        ReadOnlySpan<byte> countText = words.Next();
        if (name.IsEmpty || sectorText.IsEmpty || !words.AtEnd)
        {
            Print.Line(Usage);
            return;
        }

        int index = FindDevice(ref table, name);
        if (index < 0 || !ParseSector(sectorText, out ulong sector))
        {
            return;
        }

        ulong count = 1;
        if (!countText.IsEmpty && (!Numbers.TryParse(countText, out count) || count == 0 || count > MaxReadCount))
        {
            Print.Text("blk: bad count '");
            Print.Ascii(countText);
            Print.Line("' (1 to 64)");
            return;
        }

        ref BlockDevice<TWait> device = ref table[index];
        Span<byte> buffer = stackalloc byte[MaxBlockSize];
        buffer = buffer.Slice(0, (int)device.BlockSize);
        for (ulong i = 0; i < count; i++)
        {
            // Block by block, so that a range running past the end dumps what exists before the error.
            ulong block = sector + i;
            if (!device.TryBlockToSector(block, out ulong first))
            {
                DeviceError(ref device, BlockError.OutOfRange);
                return;
            }

            BlockError error = device.Driver.Read(first, buffer);
            if (error != BlockError.None)
            {
                DeviceError(ref device, error);
                return;
            }

            HexDump.Write(buffer, first * SectorSize);
        }
    }

    static void WriteSector<TWait>(ref BlockDeviceTable<TWait> table, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        ReadOnlySpan<byte> name = words.Next();
        ReadOnlySpan<byte> sectorText = words.Next();
        ReadOnlySpan<byte> text = words.Rest();
        if (name.IsEmpty || sectorText.IsEmpty || text.IsEmpty)
        {
            Print.Line("usage: blk write DEV SECTOR TEXT");
            return;
        }

        int index = FindDevice(ref table, name);
        if (index < 0 || !ParseSector(sectorText, out ulong sector))
        {
            return;
        }

        ref BlockDevice<TWait> device = ref table[index];
        Span<byte> buffer = stackalloc byte[MaxBlockSize];
        buffer = buffer.Slice(0, (int)device.BlockSize);
        buffer.Clear();
        int length = Math.Min(text.Length, buffer.Length);
        text.Slice(0, length).CopyTo(buffer);

        BlockError error = device.TryBlockToSector(sector, out ulong first)
            ? device.Driver.Write(first, buffer)
            : BlockError.OutOfRange;
        if (error != BlockError.None)
        {
            DeviceError(ref device, error);
            return;
        }

        device.PrintName();
        Print.Text(device.BlockSize == SectorSize ? ": wrote sector " : ": wrote block ");
        Print.Decimal(sector);
        Print.Text(": ");
        Print.Decimal((ulong)length);
        Print.Line(length == 1 ? " byte of text, then NUL bytes" : " bytes of text, then NUL bytes");
    }

    static void Flush<TWait>(ref BlockDeviceTable<TWait> table, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        ReadOnlySpan<byte> name = words.Next();
        if (name.IsEmpty || !words.AtEnd)
        {
            Print.Line("usage: blk flush DEV");
            return;
        }

        int index = FindDevice(ref table, name);
        if (index < 0)
        {
            return;
        }

        ref BlockDevice<TWait> device = ref table[index];
        BlockError error = device.Driver.Flush();
        if (error != BlockError.None)
        {
            DeviceError(ref device, error);
            return;
        }

        device.PrintName();
        Print.Line((device.Driver.AcceptedFeatures & VirtioBlkFeatures.Flush) != 0
            ? ": flushed"
            : ": flushed (nothing to do: the device writes through)");
    }

    static void Identify<TWait>(ref BlockDeviceTable<TWait> table, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        ReadOnlySpan<byte> name = words.Next();
        if (name.IsEmpty || !words.AtEnd)
        {
            Print.Line("usage: blk id DEV");
            return;
        }

        int index = FindDevice(ref table, name);
        if (index < 0)
        {
            return;
        }

        ref BlockDevice<TWait> device = ref table[index];
        Span<byte> id = stackalloc byte[SerialNumber.MaxLength];
        id.Clear();
        BlockError error = device.Driver.GetId(id);
        if (error != BlockError.None)
        {
            DeviceError(ref device, error);
            return;
        }

        SerialNumber serial = default;
        serial.Set(id);
        device.PrintName();
        Print.Text(": id ");
        serial.PrintQuoted();
        Print.Line();
    }

    /// <summary>Flushes every writable disk (QEMU would on exit too; a real disk would not), then returns 0, or 1
    /// when a flush failed.</summary>
    static int PowerOff<TWait>(ref BlockDeviceTable<TWait> table)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        int status = FileCommands.SyncBeforePowerOff(ref table) ? 0 : 1;
        for (int i = 0; i < table.Count; i++)
        {
            ref BlockDevice<TWait> device = ref table[i];
            if (device.IsReadOnly)
            {
                continue;
            }

            BlockError error = device.Driver.Flush();
            if (error != BlockError.None)
            {
                DeviceError(ref device, error);
                status = 1;
            }
        }

        Print.Line("powering off");
        return status;
    }

    /// <summary>The device of that name, or -1 after saying there is none (every <c>blk</c> command's way).</summary>
    internal static int FindDevice<TWait>(ref BlockDeviceTable<TWait> table, ReadOnlySpan<byte> name)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        int index = table.Find(name);
        if (index < 0)
        {
            Print.Text("blk: no device '");
            Print.Ascii(name);
            Print.Line("' (try blk list)");
        }

        return index;
    }

    static bool ParseSector(ReadOnlySpan<byte> text, out ulong sector)
    {
        if (Numbers.TryParse(text, out sector))
        {
            return true;
        }

        Print.Text("blk: bad sector number '");
        Print.Ascii(text);
        Print.Line("' (decimal, or hex with 0x)");
        return false;
    }

    internal static void DeviceError<TWait>(ref BlockDevice<TWait> device, BlockError error)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        device.PrintName();
        Print.Text(": error: ");
        Print.Line(BlockErrors.Describe(error));
    }

    static void Unknown(ReadOnlySpan<byte> command)
    {
        Print.Text("unknown command: ");
        Print.Ascii(command);
        Print.Line(" (try help)");
    }
}
