namespace Kernel.Shell;

using System;
using Kernel.Drivers.Virtio;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Storage;

/// <summary>The kernel shell's <c>blk discard</c>, <c>blk zero</c> and <c>blk cache</c> (virtio 1.2 5.2: DISCARD,
/// WRITE_ZEROES, CONFIG_WCE), and the line <c>blk list</c> prints about them. Blocks are the disk's logical blocks, as
/// for <c>blk read</c> and <c>blk write</c>; the driver cuts a range of any size into requests the device takes.</summary>
public static class RangeCommands
{
    const int SectorSize = BlockDevice<PollingWait>.SectorSize;

    /// <summary><c>blk discard DEV BLOCK COUNT</c>: the device may forget the blocks (they read as anything
    /// afterwards; QEMU with discard=unmap on a raw file: zeroes).</summary>
    public static void Discard<TWait>(ref BlockDeviceTable<TWait> table, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!ParseRange(ref table, ref words, takesUnmap: false, "usage: blk discard DEV BLOCK COUNT", out int index, out ulong block,
                out ulong count, out _))
        {
            return;
        }

        ref BlockDevice<TWait> device = ref table[index];
        if (!device.Driver.CanDiscard)
        {
            Error(ref device, "the device does not offer discard (VIRTIO_BLK_F_DISCARD)");
            return;
        }

        BlockError error = ToSectors(ref device, block, count, out ulong sector, out ulong sectors)
            ? device.Driver.Discard(sector, sectors)
            : BlockError.OutOfRange;
        Report(ref device, error, "discarded ", block, count, false);
    }

    /// <summary><c>blk zero DEV BLOCK COUNT [unmap]</c>: the blocks read as zeroes afterwards; with <c>unmap</c> the
    /// device may deallocate them.</summary>
    public static void Zero<TWait>(ref BlockDeviceTable<TWait> table, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!ParseRange(ref table, ref words, takesUnmap: true, "usage: blk zero DEV BLOCK COUNT [unmap]", out int index, out ulong block,
                out ulong count, out bool unmap))
        {
            return;
        }

        ref BlockDevice<TWait> device = ref table[index];
        if (!device.Driver.CanWriteZeroes)
        {
            Error(ref device, "the device does not offer write zeroes (VIRTIO_BLK_F_WRITE_ZEROES)");
            return;
        }

        BlockError error = ToSectors(ref device, block, count, out ulong sector, out ulong sectors)
            ? device.Driver.WriteZeroes(sector, sectors, unmap)
            : BlockError.OutOfRange;
        Report(ref device, error, "zeroed ", block, count, unmap);
    }

    /// <summary><c>blk cache DEV [writeback|writethrough]</c>: prints the write cache's mode, or switches it first
    /// (CONFIG_WCE: the driver writes the configuration's writeback field and reads it back).</summary>
    public static void Cache<TWait>(ref BlockDeviceTable<TWait> table, ref Words words)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        ReadOnlySpan<byte> name = words.Next();
        ReadOnlySpan<byte> mode = words.Next();
        bool writeback = mode.SequenceEqual("writeback"u8);
        if (name.IsEmpty || !(mode.IsEmpty || writeback || mode.SequenceEqual("writethrough"u8)) || !words.AtEnd)
        {
            Print.Line("usage: blk cache DEV [writeback|writethrough]");
            return;
        }

        int index = CommandShell.FindDevice(ref table, name);
        if (index < 0)
        {
            return;
        }

        ref BlockDevice<TWait> device = ref table[index];
        if (!mode.IsEmpty)
        {
            if (!device.Driver.CacheModeSwitchable)
            {
                Error(ref device, "the device cannot switch its cache mode (VIRTIO_BLK_F_CONFIG_WCE)");
                return;
            }

            BlockError error = device.Driver.SetWritebackCache(writeback);
            if (error != BlockError.None)
            {
                CommandShell.DeviceError(ref device, error);
                return;
            }
        }

        device.PrintName();
        Print.Text(": cache ");
        PrintCacheMode(ref device);
        Print.Line();
    }

    /// <summary>The second line of <c>blk list</c> for a device: what it offers of discard, write zeroes and cache
    /// switching, with the limits from its configuration.</summary>
    public static void PrintFeatures<TWait>(ref BlockDevice<TWait> device)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        device.PrintName();
        Print.Text(": discard ");
        if (device.Driver.CanDiscard)
        {
            PrintLimits(device.Driver.MaxDiscardSectors, device.Driver.MaxDiscardSegments);
            Print.Text(", alignment ");
            Print.Decimal(device.Driver.DiscardSectorAlignment);
        }
        else
        {
            Print.Text("no");
        }

        Print.Text("; write-zeroes ");
        if (device.Driver.CanWriteZeroes)
        {
            PrintLimits(device.Driver.MaxWriteZeroesSectors, device.Driver.MaxWriteZeroesSegments);
            Print.Text(device.Driver.WriteZeroesMayUnmap ? ", may unmap" : ", never unmaps");
        }
        else
        {
            Print.Text("no");
        }

        Print.Text("; cache ");
        PrintCacheMode(ref device);
        Print.Line();
    }

    static void PrintLimits(uint sectors, uint segments)
    {
        Print.Text("max ");
        Print.Decimal(sectors);
        Print.Text(" sectors x ");
        Print.Decimal(segments);
        Print.Text(segments == 1 ? " segment" : " segments");
    }

    static void PrintCacheMode<TWait>(ref BlockDevice<TWait> device)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        Print.Text(device.Driver.IsWritebackCache() ? "writeback" : "writethrough");
        Print.Text(device.Driver.CacheModeSwitchable ? ", switchable" : ", fixed");
    }

    /// <summary>The arguments <c>blk discard</c> and <c>blk zero</c> share: <c>DEV BLOCK COUNT</c>, then, where
    /// <paramref name="takesUnmap"/>, an optional <c>unmap</c>, and nothing more. Prints <paramref name="usage"/>, or
    /// which argument is wrong, and returns false when they do not parse.</summary>
    static bool ParseRange<TWait>(ref BlockDeviceTable<TWait> table, ref Words words, bool takesUnmap, string usage,
        out int index, out ulong block, out ulong count, out bool unmap)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        index = -1;
        block = 0;
        count = 0;
        ReadOnlySpan<byte> name = words.Next();
        ReadOnlySpan<byte> blockText = words.Next();
        ReadOnlySpan<byte> countText = words.Next();
        ReadOnlySpan<byte> flag = takesUnmap ? words.Next() : default;
        unmap = flag.SequenceEqual("unmap"u8);
        if (name.IsEmpty || blockText.IsEmpty || countText.IsEmpty || !(flag.IsEmpty || unmap) || !words.AtEnd)
        {
            Print.Line(usage);
            return false;
        }

        index = CommandShell.FindDevice(ref table, name);
        if (index < 0)
        {
            return false;
        }

        if (!Numbers.TryParse(blockText, out block))
        {
            Print.Text("blk: bad block number '");
            Print.Ascii(blockText);
            Print.Line("' (decimal, or hex with 0x)");
            return false;
        }

        if (!Numbers.TryParse(countText, out count) || count == 0)
        {
            Print.Text("blk: bad count '");
            Print.Ascii(countText);
            Print.Line("' (at least 1)");
            return false;
        }

        return true;
    }

    /// <summary>Blocks to 512-byte sectors; false when the range reaches past the last block (or overflows).</summary>
    static bool ToSectors<TWait>(ref BlockDevice<TWait> device, ulong block, ulong count, out ulong sector, out ulong sectors)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        ulong perBlock = device.BlockSize / SectorSize;
        sector = block * perBlock;
        sectors = count * perBlock;
        ulong blocks = device.CapacityBlocks;
        return block < blocks && count <= blocks - block;
    }

    static void Report<TWait>(ref BlockDevice<TWait> device, BlockError error, string verb, ulong block, ulong count, bool unmap)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (error != BlockError.None)
        {
            CommandShell.DeviceError(ref device, error);
            return;
        }

        bool sectors = device.BlockSize == SectorSize;
        device.PrintName();
        Print.Text(": ");
        Print.Text(verb);
        Print.Decimal(count);
        Print.Text(sectors ? (count == 1 ? " sector from sector " : " sectors from sector ") : (count == 1 ? " block from block " : " blocks from block "));
        Print.Decimal(block);
        Print.Line(unmap ? " (unmap allowed)" : "");
    }

    static void Error<TWait>(ref BlockDevice<TWait> device, string why)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        device.PrintName();
        Print.Text(": error: ");
        Print.Line(why);
    }
}
