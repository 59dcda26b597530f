namespace Kernel.Boot;

using System;
using Kernel.Drivers.Virtio;
using Kernel.Interrupts;
using Kernel.Sbi;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;

/// <summary>
/// The <c>blk.fill=SEED</c> test mode (kernel/README.md): writes the whole of blk0 with a per-sector pattern
/// (<see cref="PatternWord"/>) through the driver's asynchronous API, with requests of mixed sizes
/// (<see cref="SizeAt"/>) and queue depths (<see cref="DepthAt"/>) in flight, flushes, then reads everything back the
/// same way and checks every byte. Prints <c>blk: fill seed=S sectors=N requests=R verified=ok</c> (or
/// <c>mismatch=SECTOR verified=FAILED</c>) and returns the exit status, 0 or 1. The buffers,
/// <see cref="BufferCount"/> of <see cref="BufferSectors"/> sectors, come from the page allocator once.
/// </summary>
public static unsafe class FillTest
{
    public const int SectorSize = 512;

    /// <summary>8-byte words in a sector: the pattern's unit.</summary>
    public const int WordsPerSector = SectorSize / sizeof(ulong);

    /// <summary>The largest request, in sectors (64 KiB), and so the size of each buffer.</summary>
    public const int BufferSectors = 128;

    /// <summary>The most requests in flight (and buffers): 2 MiB in all.</summary>
    public const int BufferCount = 32;

    /// <summary>Requests submitted before the depth moves on to the next of <see cref="DepthAt"/>.</summary>
    public const int RequestsPerDepth = 64;

    const uint BufferBytes = BufferSectors * SectorSize;

    /// <summary>The size of request number <paramref name="n"/> of a pass, in sectors: 1, 8, 128, 3, 1, 8, ...
    /// (the last request of a pass is cut at the end of the disk).</summary>
    public static uint SizeAt(int n) => (n & 3) switch
    {
        0 => 1,
        1 => 8,
        2 => BufferSectors,
        _ => 3,
    };

    /// <summary>The target queue depth of the <paramref name="n"/>th group of <see cref="RequestsPerDepth"/>
    /// requests: 1, 4, 16, 32, 1, ... (at most what the queue's descriptors allow).</summary>
    public static int DepthAt(int n) => (n & 3) switch
    {
        0 => 1,
        1 => 4,
        2 => 16,
        _ => BufferCount,
    };

    /// <summary>Word <paramref name="word"/> (0 to 63) of sector <paramref name="sector"/>, stored little-endian at
    /// byte 8 * word of the sector: splitmix64(seed ^ (sector * 64 + word)), where splitmix64(x) is
    /// z = x + 0x9E3779B97F4A7C15; z = (z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB;
    /// z ^ (z &gt;&gt; 31), all modulo 2^64.</summary>
    public static ulong PatternWord(ulong seed, ulong sector, uint word) => SplitMix64(seed ^ (sector * WordsPerSector + word));

    public static ulong SplitMix64(ulong x)
    {
        ulong z = x + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>One request in flight: the buffer it owns until its result is collected.</summary>
    struct Slot
    {
        public ulong Sector;
        public uint Count;
        public ushort Token;
        public bool Busy;
    }

    /// <summary>What a pass did, for the summary line.</summary>
    struct PassResult
    {
        public BlockError Error;
        public int Requests;
        public int MaxInFlight;
        public ulong Mismatch;
        public bool HasMismatch;
        public ulong Ticks;
    }

    /// <summary><c>blk: fill ring: split|packed, event-idx yes|no, indirect yes|no (features 0x...)</c>: what the
    /// driver negotiated, so a test that turns a ring feature off in QEMU sees it reached the driver.</summary>
    static void PrintRing<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk)
        where TWait : struct, ICompletionWait
    {
        ulong accepted = disk.AcceptedFeatures;
        Print.Text(disk.UsesPackedRing ? "blk: fill ring: packed, event-idx " : "blk: fill ring: split, event-idx ");
        Print.Text((accepted & VirtioBlkFeatures.RingEventIdx) != 0 ? "yes" : "no");
        Print.Text(", indirect ");
        Print.Text((accepted & VirtioBlkFeatures.RingIndirectDesc) != 0 ? "yes" : "no");
        Print.Text(" (features ");
        Print.Hex(accepted);
        Print.Line(")");
    }

    public static int Run<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk, ulong seed, ulong timebase)
        where TWait : struct, ICompletionWait
    {
        ulong sectors = disk.CapacitySectors;
        uint perBlock = disk.BlockSize / SectorSize;
        byte* pool = (byte*)default(PageAllocator).AllocateZeroed((nuint)BufferCount * BufferBytes, PageAllocator.PageSize);
        if (pool == null)
        {
            return Finish(seed, sectors, 0, BlockError.OutOfMemory, false, 0);
        }

        Span<Slot> slots = stackalloc Slot[BufferCount];
        int maxDepth = MaxDepth(ref disk, pool);
        Print.Text("blk: fill blk0: ");
        Print.Decimal(sectors);
        Print.Text(" sectors, seed ");
        Print.Decimal(seed);
        Print.Text(perBlock == 1 ? ", requests of 1, 8, 128 and 3 sectors, depths" : ", requests of 1, 8, 128 and 3 blocks at most 128 sectors, depths");
        for (int i = 0; i < 4; i++)
        {
            int depth = DepthAt(i);
            Print.Text(i == 0 ? " " : i == 3 ? " and " : ", ");
            Print.Decimal((ulong)(depth > maxDepth ? maxDepth : depth));
        }

        Print.Line();
        PrintRing(ref disk);

        ulong whole = sectors - sectors % perBlock;   // a tail shorter than a logical block cannot be reached
        PassResult write = Pass(ref disk, BlockOp.Write, seed, whole, perBlock, pool, slots, maxDepth);
        int requests = write.Requests;
        if (write.Error != BlockError.None)
        {
            return Finish(seed, sectors, requests, write.Error, false, 0);
        }

        ulong flushStart = SbiTimer.Now;
        BlockError error = disk.Flush();
        ulong flushTicks = SbiTimer.Now - flushStart;
        if (error != BlockError.None)
        {
            return Finish(seed, sectors, requests, error, false, 0);
        }

        PassResult read = Pass(ref disk, BlockOp.Read, seed, whole, perBlock, pool, slots, maxDepth);
        requests += read.Requests;

        Print.Text("blk: fill wrote in ");
        Print.Decimal(write.Requests);
        Print.Text(" requests (up to ");
        Print.Decimal(write.MaxInFlight);
        Print.Text(" in flight) in ");
        Print.Decimal(Milliseconds(write.Ticks, timebase));
        Print.Text(" ms, flushed in ");
        Print.Decimal(Milliseconds(flushTicks, timebase));
        Print.Text(" ms, read back in ");
        Print.Decimal(read.Requests);
        Print.Text(" requests (up to ");
        Print.Decimal(read.MaxInFlight);
        Print.Text(" in flight) in ");
        Print.Decimal(Milliseconds(read.Ticks, timebase));
        Print.Line(" ms");
        return Finish(seed, sectors, requests, read.Error, read.HasMismatch, read.Mismatch);
    }

    /// <summary>The deepest queue the test asks for: <see cref="BufferCount"/>, or fewer when the queue's descriptors
    /// cannot hold that many of the largest requests (at least 1).</summary>
    static int MaxDepth<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk, byte* pool)
        where TWait : struct, ICompletionWait
    {
        BlockSegment largest = new(pool, BufferBytes);
        int descriptors = disk.DescriptorsFor(new ReadOnlySpan<BlockSegment>(&largest, 1));
        int depth = descriptors > 0 ? disk.QueueSize / descriptors : 1;
        return depth < 1 ? 1 : depth > BufferCount ? BufferCount : depth;
    }

    /// <summary>One pass over the whole disk (its whole logical blocks of <paramref name="perBlock"/> sectors): every sector written with the pattern (<see cref="BlockOp.Write"/>) or read
    /// and checked (<see cref="BlockOp.Read"/>). Requests go in the order of the disk; they complete in whatever order
    /// the device likes. After an error no more is submitted; what is in flight is collected before returning.</summary>
    static PassResult Pass<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk, BlockOp op, ulong seed,
        ulong sectors, uint perBlock, byte* pool, Span<Slot> slots, int maxDepth)
        where TWait : struct, ICompletionWait
    {
        PassResult result = default;
        ulong start = SbiTimer.Now;
        ulong next = 0;
        int inFlight = 0;
        slots.Clear();
        while (true)
        {
            int depth = DepthAt(result.Requests / RequestsPerDepth);
            if (depth > maxDepth)
            {
                depth = maxDepth;
            }

            while (result.Error == BlockError.None && next < sectors && inFlight < depth)
            {
                int free = 0;
                while (slots[free].Busy)
                {
                    free++;
                }

                // In whole logical blocks (blk_size): 1, 8, 128 and 3 of them, at most a buffer.
                uint count = SizeAt(result.Requests) * perBlock;
                if (count > BufferSectors)
                {
                    count = BufferSectors - BufferSectors % perBlock;
                }

                if (count > sectors - next)
                {
                    count = (uint)(sectors - next);
                }

                byte* buffer = pool + (nuint)free * BufferBytes;
                if (op == BlockOp.Write)
                {
                    Fill((ulong*)buffer, seed, next, count);
                }

                // Queued now, published together with the rest of this round by one kick.
                BlockError error = disk.Enqueue(op, next, buffer, count * SectorSize, out ushort token);
                if (error == BlockError.QueueFull && inFlight > 0)
                {
                    break;   // the descriptors are all taken: collect some first
                }

                if (error != BlockError.None)
                {
                    result.Error = error;
                    break;
                }

                slots[free].Sector = next;
                slots[free].Count = count;
                slots[free].Token = token;
                slots[free].Busy = true;
                next += count;
                result.Requests++;
                inFlight++;
                if (inFlight > result.MaxInFlight)
                {
                    result.MaxInFlight = inFlight;
                }
            }

            disk.Kick();
            if (inFlight == 0)
            {
                break;   // done, or failed with nothing left to collect
            }

            // When the driver gives up (time-out, DEVICE_NEEDS_RESET) every request in flight completes with its error.
            BlockError waitError = disk.WaitForCompletion();
            if (waitError != BlockError.None && result.Error == BlockError.None)
            {
                result.Error = waitError;
            }

            while (disk.TryTakeCompleted(out ushort done, out BlockError outcome))
            {
                int index = Find(slots, done);
                if (index < 0)
                {
                    // Not ours: the driver's bookkeeping went wrong.
                    result.Error = result.Error == BlockError.None ? BlockError.BadToken : result.Error;
                    continue;
                }

                slots[index].Busy = false;
                inFlight--;
                if (outcome != BlockError.None)
                {
                    result.Error = result.Error == BlockError.None ? outcome : result.Error;
                }
                else if (op == BlockOp.Read)
                {
                    ulong* words = (ulong*)(pool + (nuint)index * BufferBytes);
                    if (FirstMismatch(words, seed, slots[index].Sector, slots[index].Count, out ulong bad)
                        && (!result.HasMismatch || bad < result.Mismatch))
                    {
                        result.HasMismatch = true;
                        result.Mismatch = bad;
                    }
                }
            }
        }

        result.Ticks = SbiTimer.Now - start;
        return result;
    }

    static int Find(Span<Slot> slots, ushort token)
    {
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i].Busy && slots[i].Token == token)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The pattern of <paramref name="count"/> sectors from <paramref name="sector"/> into
    /// <paramref name="words"/>.</summary>
    static void Fill(ulong* words, ulong seed, ulong sector, uint count)
    {
        for (uint s = 0; s < count; s++)
        {
            ulong first = seed ^ ((sector + s) * WordsPerSector);
            for (uint w = 0; w < WordsPerSector; w++)
            {
                // seed ^ (sector * 64 + w) == (seed ^ sector * 64) ^ w: the low 6 bits of sector * 64 are zero.
                *words++ = SplitMix64(first ^ w);
            }
        }
    }

    /// <summary>Whether the sectors read into <paramref name="words"/> differ from the pattern; the first that does in
    /// <paramref name="sector"/>.</summary>
    static bool FirstMismatch(ulong* words, ulong seed, ulong first, uint count, out ulong sector)
    {
        for (uint s = 0; s < count; s++)
        {
            ulong baseValue = seed ^ ((first + s) * WordsPerSector);
            for (uint w = 0; w < WordsPerSector; w++)
            {
                if (*words++ != SplitMix64(baseValue ^ w))
                {
                    sector = first + s;
                    return true;
                }
            }
        }

        sector = 0;
        return false;
    }

    static ulong Milliseconds(ulong ticks, ulong timebase) =>
        timebase == 0 ? 0 : ticks / timebase * 1000 + ticks % timebase * 1000 / timebase;

    /// <summary>Prints the error (if any) and the summary line; returns the exit status.</summary>
    static int Finish(ulong seed, ulong sectors, int requests, BlockError error, bool mismatch, ulong mismatchSector)
    {
        if (error != BlockError.None)
        {
            Print.Text("virtio-blk: error: ");
            Print.Line(BlockErrors.Describe(error));
        }

        Print.Text("blk: fill seed=");
        Print.Decimal(seed);
        Print.Text(" sectors=");
        Print.Decimal(sectors);
        Print.Text(" requests=");
        Print.Decimal((ulong)requests);
        if (mismatch)
        {
            Print.Text(" mismatch=");
            Print.Decimal(mismatchSector);
        }

        bool ok = error == BlockError.None && !mismatch;
        Print.Line(ok ? " verified=ok" : " verified=FAILED");
        return ok ? 0 : 1;
    }
}
