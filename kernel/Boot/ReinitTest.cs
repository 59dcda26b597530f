namespace Kernel.Boot;

using System;
using Kernel.Drivers.Virtio;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;

/// <summary>
/// The <c>blk.reinit=N</c> test mode (kernel/README.md): initialises blk0 again N times, alternating between the
/// driver's default features and none at all beyond BLK_SIZE (what the bench does between <c>bench.features</c>
/// runs), and after each one writes a block with a pattern of its own and reads it back. The driver sets the device up
/// again in the memory it already has (its queue, request slots and indirect tables), so the page allocator's free
/// memory must be the same after as before: a re-initialisation that leaked its queue would run a small machine
/// (<c>-m 8M</c>) out of memory long before 300. Prints <c>blk: reinit count=N memory=same verified=ok</c>, or what
/// went wrong first, and returns the exit status, 0 or 1.
/// </summary>
public static unsafe class ReinitTest
{
    /// <summary>The most re-initialisations <c>blk.reinit</c> takes.</summary>
    public const uint MaxCount = 100000;

    /// <summary>The blocks the pattern writes go to, in turn (block 8 on).</summary>
    const uint Blocks = 8;

    const ulong Minimum = VirtioBlkFeatures.BlockSize;

    public static int Run<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk, uint count)
        where TWait : struct, ICompletionWait
    {
        // The buffers first, so that what is free afterwards is compared with what was free with them taken.
        byte* write = (byte*)default(PageAllocator).AllocateZeroed(2 * VirtioBlk<MmioRegisters, PageAllocator, TWait>.MaxBlockSize, PageAllocator.PageSize);
        if (write == null)
        {
            return Fail("no memory for two blocks of buffers", 0);
        }

        byte* read = write + VirtioBlk<MmioRegisters, PageAllocator, TWait>.MaxBlockSize;
        ulong free = FreeMemory();
        Print.Text("blk: reinit blk0: ");
        Print.Decimal(count);
        Print.Text(" times, features alternating ");
        Print.Hex(VirtioBlkFeatures.Default);
        Print.Text(" and ");
        Print.Hex(Minimum);
        Print.Text(", ");
        Print.Size(free);
        Print.Line(" free");

        for (uint i = 0; i < count; i++)
        {
            BlockError error = disk.Reinitialize(i % 2 == 0 ? Minimum : VirtioBlkFeatures.Default);
            if (error != BlockError.None)
            {
                Print.Text("blk: reinit: error: initialisation ");
                Print.Decimal(i + 1);
                Print.Text(": ");
                Print.Line(BlockErrors.Describe(error));
                return Fail("the device did not come back", i);
            }

            uint size = disk.BlockSize;
            ulong sector = (Blocks + (i % Blocks)) * (size / 512);
            if (disk.CapacitySectors < sector + (size / 512))
            {
                return Fail("the disk is too small: it needs 16 blocks", i);
            }

            var written = new Span<byte>(write, (int)size);
            var back = new Span<byte>(read, (int)size);
            for (int b = 0; b < written.Length; b++)
            {
                written[b] = Pattern(i, b);
            }

            for (int b = 0; b < back.Length; b++)
            {
                back[b] = 0;
            }

            error = disk.Write(sector, written);
            if (error == BlockError.None)
            {
                error = disk.Read(sector, back);
            }

            if (error != BlockError.None)
            {
                Print.Text("blk: reinit: error: sector ");
                Print.Decimal(sector);
                Print.Text(" after initialisation ");
                Print.Decimal(i + 1);
                Print.Text(": ");
                Print.Line(BlockErrors.Describe(error));
                return Fail("a request failed", i);
            }

            int differs = 0;
            while (differs < back.Length && back[differs] == written[differs])
            {
                differs++;
            }

            if (differs != back.Length)
            {
                Print.Text("blk: reinit: error: sector ");
                Print.Decimal(sector);
                Print.Text(" read back other bytes than were written after initialisation ");
                Print.Decimal(i + 1);
                Print.Line();
                return Fail("mismatch", i);
            }
        }

        ulong after = FreeMemory();
        Print.Text("blk: reinit count=");
        Print.Decimal(count);
        if (after != free)
        {
            Print.Text(" memory=LEAKED ");
            Print.Decimal(free - after);
            Print.Line(" bytes verified=ok");
            return 1;
        }

        Print.Line(" memory=same verified=ok");
        return 0;
    }

    /// <summary>Byte <paramref name="at"/> of the block written after initialisation <paramref name="i"/> (counted
    /// from 0) to block 8 + i % 8: (7 i + 13 at + 1) mod 256.</summary>
    public static byte Pattern(uint i, int at) => (byte)((i * 7) + (uint)(at * 13) + 1);

    /// <summary>What the page allocator can still hand out: the untouched range and the freed pages.</summary>
    static ulong FreeMemory() => (ulong)PageAllocator.FreeBytes + ((ulong)PageAllocator.FreePageCount * PageAllocator.PageSize);

    static int Fail(string what, uint done)
    {
        Print.Text("blk: reinit count=");
        Print.Decimal(done);
        Print.Text(" error: ");
        Print.Line(what);
        return 1;
    }
}
