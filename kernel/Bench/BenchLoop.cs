namespace Kernel.Bench;

using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.RiscV;
using Kernel.Drivers.Virtio;
using Kernel.Memory;
using Kernel.Platform;

/// <summary>
/// The benchmark loop of bench/README.md, the C yardstick's <c>run_case</c>, <c>prepare_write_buffers</c> and
/// <c>verify_case</c> (bench/baseline-c/bench.c) over the driver's asynchronous API: up to the case's depth of requests
/// in flight, every free slot queued and then published with one kick (one index update, at most one notification),
/// completions waited for with the driver's wait
/// (polling spins on the used ring; interrupts sleep in <c>wfi</c>) and collected in whatever order they come. Nothing
/// is allocated or printed inside the timed loop; the buffers are <see cref="BenchWorkspace"/>'s.
/// </summary>
public static unsafe class BenchLoop
{
    const uint MaxSize = BenchWorkspace.MaxSize;

    /// <summary>Polling: idle looks at the used ring by the loop itself before it hands the wait to the driver (whose
    /// wait has the deadlines and the DEVICE_NEEDS_RESET check).</summary>
    const int IdleLooksBeforeWait = 1 << 20;

    /// <summary>The same with naps between the looks (<c>bench.nap</c>): about 40 ms of 10 µs naps.</summary>
    const int IdleNapsBeforeWait = 1 << 12;
    const int WordsPerSector = BenchWorkspace.WordsPerSector;

    /// <summary>
    /// Runs one case on <paramref name="blocks"/> request-sized blocks: at most <paramref name="cap"/> requests, and no
    /// new one once <paramref name="budget"/> ticks have passed and <paramref name="atLeast"/> were submitted. The
    /// clock runs from just before the first submission to just after the last completion. After a driver error no
    /// request is submitted; those in flight are collected, and the error is the result's. Polling with
    /// <paramref name="napTicks"/> (<c>bench.nap</c>), a look that finds nothing while more than one request is in
    /// flight is followed by that long asleep on the SBI timer (bench/driver-costs.md, "Napping between looks").
    /// </summary>
    public static BenchResult RunCase<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk, in BenchCase bench,
        ulong seed, uint blocks, uint cap, uint atLeast, ulong budget, ulong napTicks = 0)
        where TWait : struct, ICompletionWait
    {
        uint sectors = bench.Sectors;
        uint size = bench.Size;
        bool write = bench.Write;
        ulong tag = bench.Tag;
        BlockOp op = write ? BlockOp.Write : BlockOp.Read;
        BenchOffsets where = new(bench.Random, blocks, bench.Number, seed);
        byte* buffers = BenchWorkspace.Buffers;
        byte* slotOfToken = BenchWorkspace.SlotOfToken;

        // The free buffers, a stack: buffer 0 on top first.
        byte* freeSlots = stackalloc byte[BenchWorkspace.MaxDepth];
        int freeCount = 0;
        for (int s = bench.Depth; s > 0; s--)
        {
            freeSlots[freeCount++] = (byte)(s - 1);
        }

        uint submitted = 0;
        uint completed = 0;
        bool stopping = false;
        BlockError error = BlockError.None;
        bool measure = !disk.UsesInterrupts;
        ulong instructions = 0;
        ulong naps = 0;
        ulong probe = Instructions.Overhead;
        disk.ResetCounters();
        ulong start = Csr.ReadTime();
        while (completed < submitted || !stopping)
        {
            while (freeCount > 0 && !stopping)
            {
                if (submitted == cap || (submitted >= atLeast && Csr.ReadTime() - start >= budget))
                {
                    stopping = true;
                    break;
                }

                byte slot = freeSlots[freeCount - 1];
                byte* buffer = buffers + (nuint)slot * MaxSize;
                ulong lba = (ulong)where.Next() * sectors;
                if (write)
                {
                    Stamp((ulong*)buffer, sectors, lba, tag);
                }

                ulong before = Instructions.Read();
                BlockError submitError = disk.Enqueue(op, lba, buffer, size, out ushort token);
                instructions += Instructions.Read() - before - probe;
                if (submitError != BlockError.None)
                {
                    error = submitError;
                    stopping = true;
                    break;
                }

                freeCount--;
                slotOfToken[token] = slot;
                submitted++;
            }

            // Everything queued in this round reaches the device with one index update and at most one notification.
            ulong kickStart = Instructions.Read();
            disk.Kick();
            instructions += Instructions.Read() - kickStart - probe;
            if (completed == submitted)
            {
                break;
            }

            // Polling: the loop looks at the used ring itself, so that the look that finds completions is counted
            // and the idle ones are not; after many idle looks (or with interrupts) the driver's wait takes over.
            // A driver that gives up (time-out, DEVICE_NEEDS_RESET) completes every request in flight with its error.
            BlockError waitError = BlockError.None;
            int found = 0;
            int idleLooks = napTicks != 0 ? IdleNapsBeforeWait : IdleLooksBeforeWait;
            for (int look = 0; measure && found == 0 && look < idleLooks && disk.IsReady; look++)
            {
                ulong lookStart = Instructions.Read();
                found = disk.ReapCompletions();
                ulong spent = Instructions.Read() - lookStart - probe;
                if (found != 0)
                {
                    instructions += spent;
                }
                else if (napTicks != 0 && submitted - completed > 1)
                {
                    // With others in flight the device stays busy while the hart sleeps; the host's cores go to
                    // QEMU's I/O threads instead of the vCPU's spin. A lone request is spun for: its latency is the
                    // case's.
                    // As InterruptWait sleeps: the timer armed, then the scheduler's wait (wfi at boot and in the
                    // kernel shell).
                    Kernel.Interrupts.InterruptTraps.ArmTimer(Csr.ReadTime() + napTicks);
                    Kernel.Processes.Scheduler.WaitForInterrupt();
                    naps++;
                }
            }

            if (found == 0)
            {
                waitError = disk.WaitForCompletion();
            }

            int taken = 0;
            while (true)
            {
                ulong takeStart = Instructions.Read();
                bool got = disk.TryTakeCompleted(out ushort done, out BlockError outcome);
                instructions += Instructions.Read() - takeStart - probe;
                if (!got)
                {
                    break;
                }

                freeSlots[freeCount++] = slotOfToken[done];
                completed++;
                taken++;
                if (outcome != BlockError.None && error == BlockError.None)
                {
                    error = outcome;
                    stopping = true;
                }
            }

            if (waitError != BlockError.None)
            {
                error = error == BlockError.None ? waitError : error;
                stopping = true;
                if (taken == 0)
                {
                    break;   // nothing more will come
                }
            }
        }

        ulong ticks = Csr.ReadTime() - start;
        BenchResult result = default;
        result.Requests = completed;
        result.Ticks = ticks == 0 ? 1 : ticks;
        result.Error = error;
        result.Counters = disk.Counters;
        result.DriverInstructions = measure ? instructions : 0;
        result.Naps = naps;
        return result;
    }

    /// <summary>Before a write case, outside the clock: the case's template (xorshift64 from <c>tag * 0x9e3779b97f4a7c15</c>)
    /// into words 2 to 63 of every sector of the first <c>depth</c> buffers; the loop writes only words 0 and 1.</summary>
    public static void PrepareWriteBuffers(in BenchCase bench)
    {
        ulong* template = BenchWorkspace.Template;
        ulong x = bench.Tag * 0x9e3779b97f4a7c15UL;
        for (int w = 0; w < WordsPerSector; w++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            template[w] = x;
        }

        uint sectors = bench.Sectors;
        for (int s = 0; s < bench.Depth; s++)
        {
            ulong* words = (ulong*)(BenchWorkspace.Buffers + (nuint)s * MaxSize);
            for (uint k = 0; k < sectors; k++)
            {
                ulong* sector = words + k * WordsPerSector;
                for (int w = 2; w < WordsPerSector; w++)
                {
                    sector[w] = template[w];
                }
            }
        }
    }

    /// <summary>Every sector of the request: word 0 its sector number, word 1 the case's tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Stamp(ulong* words, uint sectors, ulong lba, ulong tag)
    {
        for (uint k = 0; k < sectors; k++)
        {
            words[0] = lba + k;
            words[1] = tag;
            words += WordsPerSector;
        }
    }

    /// <summary>
    /// After a write case (and its flush), outside the clock: its <paramref name="requests"/> offsets replayed into
    /// the bitmap of written sectors, every 64 KiB chunk holding one read back, every written sector compared with
    /// what the case wrote. A driver error is returned; a sector that differs sets <paramref name="mismatch"/> and
    /// <paramref name="badSector"/> (the first found) and ends the check.
    /// </summary>
    public static BlockError Verify<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk, in BenchCase bench,
        uint requests, ulong seed, uint blocks, out bool mismatch, out ulong badSector)
        where TWait : struct, ICompletionWait
    {
        mismatch = false;
        badSector = 0;
        // Whole logical blocks only: a tail shorter than one cannot be read (and no case wrote there).
        ulong capacity = disk.CapacitySectors - disk.CapacitySectors % (disk.BlockSize / BenchWorkspace.SectorSize);
        byte* written = BenchWorkspace.Written;
        ulong bitmapBytes = (capacity + 7) / 8;
        for (ulong i = 0; i < bitmapBytes; i++)
        {
            written[i] = 0;
        }

        uint sectors = bench.Sectors;
        BenchOffsets where = new(bench.Random, blocks, bench.Number, seed);
        for (uint i = 0; i < requests; i++)
        {
            ulong lba = (ulong)where.Next() * sectors;
            for (uint k = 0; k < sectors; k++)
            {
                ulong s = lba + k;
                written[s >> 3] |= (byte)(1u << (int)(s & 7));
            }
        }

        ulong tag = bench.Tag;
        ulong* template = BenchWorkspace.Template;
        byte* buffer = BenchWorkspace.VerifyBuffer;
        for (ulong chunk = 0; chunk < capacity; chunk += BenchWorkspace.ChunkSectors)
        {
            uint count = capacity - chunk < BenchWorkspace.ChunkSectors ? (uint)(capacity - chunk) : BenchWorkspace.ChunkSectors;
            bool any = false;
            for (uint k = 0; k < count && !any; k += 8)
            {
                any = written[(chunk + k) >> 3] != 0;
            }

            if (!any)
            {
                continue;
            }

            BlockError error = disk.Read(chunk, new Span<byte>(buffer, (int)(count * BenchWorkspace.SectorSize)));
            if (error != BlockError.None)
            {
                return error;
            }

            for (uint k = 0; k < count; k++)
            {
                ulong lba = chunk + k;
                if ((written[lba >> 3] & (1u << (int)(lba & 7))) == 0)
                {
                    continue;
                }

                ulong* words = (ulong*)(buffer + k * BenchWorkspace.SectorSize);
                bool ok = words[0] == lba && words[1] == tag;
                for (int w = 2; w < WordsPerSector && ok; w++)
                {
                    ok = words[w] == template[w];
                }

                if (!ok)
                {
                    mismatch = true;
                    badSector = lba;
                    return BlockError.None;
                }
            }
        }

        return BlockError.None;
    }
}
