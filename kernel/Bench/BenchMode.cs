namespace Kernel.Bench;

using Internal.Runtime;
using Kernel.Drivers.Virtio;
using Kernel.Memory;
using Kernel.Output;
using Kernel.Platform;
using Kernel.Storage;

/// <summary>
/// The kernel's benchmark (issue 6; bench/README.md is the contract, the C yardstick bench/baseline-c/bench.c the
/// reference): on one block device, a warm-up, then every case (reads then writes; <c>seq</c> then <c>rand</c>; sizes
/// 512, 4096, 65536; depths 1, 4, 16, 64, those the queue cannot hold skipped), one <c>bench: arch=... kibps=...</c>
/// line each; after a write case a FLUSH (when accepted) and the verification; then <c>bench: done</c>. A failure
/// prints <c>bench: error: ...</c>. The <c>bench</c> command-line option runs it at boot (<see cref="Program"/>), the
/// shell's <c>bench</c> command on any device.
/// </summary>
public static unsafe class BenchMode
{
    /// <summary>Requests per case with a time budget: at most this many.</summary>
    const uint DefaultRequestCap = 1u << 20;

    /// <summary>Warm-up requests of each size, at depth 1 (sequential) and at the deepest depth (random).</summary>
    const uint WarmUpRequests = 256;

    const uint SectorSize = BenchWorkspace.SectorSize;

    /// <summary>Runs the benchmark on <paramref name="device"/> with <paramref name="options"/>, timing with the
    /// <c>time</c> CSR at <paramref name="timebase"/> Hz. Returns 0 after <c>bench: done</c>, 1 after
    /// <c>bench: error: ...</c>.</summary>
    public static int Run<TWait>(ref BlockDevice<TWait> device, in BenchOptions options, ulong timebase)
        where TWait : struct, ICompletionWait
    {
        if (timebase == 0)
        {
            timebase = Interrupts.InterruptHardware.DefaultFrequency;
        }

        if (!Negotiate(ref device, options))
        {
            return 1;
        }

        ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk = ref device.Driver;
        if (disk.IsReadOnly && options.WantsOp(write: true))
        {
            return Fail("the disk is read-only: the write cases need a writable one (bench.ops=read runs the reads alone)");
        }

        ulong capacity = disk.CapacitySectors;
        if (!BenchWorkspace.TryPrepare(capacity))
        {
            return Fail("not enough memory for the buffers (4 MiB) and the disk's sector bitmap");
        }

        int slots = DepthLimit(ref disk, BenchWorkspace.MaxSize);
        ulong seed = options.EffectiveSeed;
        // Naps are polling's (interrupts sleep anyway): 0 with interrupts, so that banner, loop and lines agree.
        ulong napTicks = disk.UsesInterrupts ? 0 : (ulong)options.NapMicroseconds * timebase / 1_000_000;
        PrintBanner(ref device, options, timebase, slots, napTicks);

        // Warm-up, not timed and not printed: QEMU translates the loop and the host's file system wakes up. Reads
        // only, so that the image stays sparse. The deepest depth is the queue's, at most MaxDepth (the yardstick's
        // 85 for its 256 entries would need more buffers than the cases do).
        for (int si = 0; si < BenchOptions.SizeCount; si++)
        {
            uint size = (uint)BenchOptions.SizeAt(si);
            uint blocks = Blocks(capacity, size);
            if (blocks == 0 || size < disk.BlockSize)
            {
                continue;   // a request smaller than the device's logical block cannot be sent
            }

            int deepest = DepthLimit(ref disk, size);
            BenchCase sequential = new(write: false, random: false, size, 1, 0);
            BenchResult warm = BenchLoop.RunCase(ref disk, sequential, seed, blocks, WarmUpRequests, WarmUpRequests, ulong.MaxValue);
            if (warm.Error == BlockError.None && deepest > 0)
            {
                BenchCase random = new(write: false, random: true, size, deepest, 0);
                warm = BenchLoop.RunCase(ref disk, random, seed, blocks, WarmUpRequests, WarmUpRequests, ulong.MaxValue);
            }

            if (warm.Error != BlockError.None)
            {
                return Fail("warm-up: ", BlockErrors.Describe(warm.Error));
            }
        }

        // The order of bench/README.md: op, pattern, size, queue depth.
        uint caseNumber = 0;
        for (int op = 0; op < 2; op++)
        {
            bool write = op == 1;
            if (!options.WantsOp(write))
            {
                continue;
            }

            for (int pattern = 0; pattern < 2; pattern++)
            {
                bool random = pattern == 1;
                if (!options.WantsPattern(random))
                {
                    continue;
                }

                for (int si = 0; si < BenchOptions.SizeCount; si++)
                {
                    uint size = (uint)BenchOptions.SizeAt(si);
                    uint blocks = Blocks(capacity, size);
                    if (!options.WantsSize(si) || blocks == 0 || size < disk.BlockSize)
                    {
                        continue;
                    }

                    int limit = DepthLimit(ref disk, size);
                    for (int di = 0; di < BenchOptions.DepthCount; di++)
                    {
                        int depth = (int)BenchOptions.DepthAt(di);
                        if (!options.WantsDepth(di) || depth > limit)
                        {
                            continue;
                        }

                        caseNumber++;
                        BenchCase bench = new(write, random, size, depth, caseNumber);
                        if (write)
                        {
                            BenchLoop.PrepareWriteBuffers(bench);
                        }

                        BenchResult result = options.Requests != 0
                            ? BenchLoop.RunCase(ref disk, bench, seed, blocks, options.Requests, options.Requests, ulong.MaxValue, napTicks)
                            : BenchLoop.RunCase(ref disk, bench, seed, blocks, DefaultRequestCap, (uint)depth,
                                (ulong)options.EffectiveMilliseconds * timebase / 1000, napTicks);
                        if (result.Error != BlockError.None)
                        {
                            return Fail(bench, "", BlockErrors.Describe(result.Error));
                        }

                        PrintResult(ref disk, bench, result, timebase, napTicks);
                        if (write && !CheckWrites(ref disk, bench, result.Requests, seed, blocks, options.Verify))
                        {
                            return 1;
                        }
                    }
                }
            }
        }

        Print.Line("bench: done");
        return 0;
    }

    /// <summary>After a write case: the FLUSH (when accepted), then the verification unless <c>bench.verify=off</c>.</summary>
    static bool CheckWrites<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk, in BenchCase bench,
        uint requests, ulong seed, uint blocks, bool verify)
        where TWait : struct, ICompletionWait
    {
        BlockError error = disk.Flush();
        if (error != BlockError.None)
        {
            Fail(bench, "flush: ", BlockErrors.Describe(error));
            return false;
        }

        if (!verify)
        {
            return true;
        }

        error = BenchLoop.Verify(ref disk, bench, requests, seed, blocks, out bool mismatch, out ulong badSector);
        if (error != BlockError.None)
        {
            Fail(bench, "verification read: ", BlockErrors.Describe(error));
            return false;
        }

        if (mismatch)
        {
            Print.Text("bench: error: verification failed: sector ");
            Print.Decimal(badSector);
            Print.Text(" does not hold what the write case wrote (size=");
            Print.Decimal((ulong)bench.Size);
            Print.Line(bench.Random ? " pattern=rand)" : " pattern=seq)");
            return false;
        }

        return true;
    }

    /// <summary>Initialises the device again when it accepted other features than <paramref name="features"/> asks
    /// for (VERSION_1 aside). False after printing the error.</summary>
    static bool Negotiate<TWait>(ref BlockDevice<TWait> device, in BenchOptions options)
        where TWait : struct, ICompletionWait
    {
        ulong wanted = options.Features switch
        {
            BenchFeatures.None => 0,
            // Without CONFIG_WCE: QEMU then chooses the cache mode from FLUSH at DRIVER_OK (writeback), whatever an
            // earlier case (features=none: writethrough) left; with it the device would keep that mode.
            BenchFeatures.Driver => VirtioBlkFeatures.Default & ~VirtioBlkFeatures.ConfigWce,
            _ => VirtioBlkFeatures.Flush,
        };
        if (options.RingGiven)
        {
            const ulong ring = VirtioBlkFeatures.RingEventIdx | VirtioBlkFeatures.RingIndirectDesc;
            wanted = (wanted & ~ring) | options.RingFeatures;
        }

        ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk = ref device.Driver;
        // BLK_SIZE is always taken (the device's logical block decides what a request may be). The ring format is the
        // boot's (the driver keeps it across re-initialisations): RING_PACKED stays as it is.
        wanted |= VirtioBlkFeatures.BlockSize | (disk.AcceptedFeatures & VirtioBlkFeatures.RingPacked);
        ulong target = disk.OfferedFeatures & wanted & VirtioBlkFeatures.Supported & ~VirtioBlkFeatures.Version1;
        if (disk.IsReady && (disk.AcceptedFeatures & ~VirtioBlkFeatures.Version1) == target)
        {
            return true;
        }

        // The driver resets the device and sets it up again in the memory it already has: nothing is allocated.
        BlockError error = disk.Reinitialize(wanted);
        if (error != BlockError.None)
        {
            Fail("initialising the device again with the features asked for: ", BlockErrors.Describe(error));
            return false;
        }

        return true;
    }

    /// <summary>The most requests of <paramref name="size"/> bytes the queue holds at once (3 descriptors each when
    /// the data takes one), at most <see cref="BenchWorkspace.MaxDepth"/>.</summary>
    static int DepthLimit<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk, uint size)
        where TWait : struct, ICompletionWait
    {
        BlockSegment data = new(BenchWorkspace.Buffers, size);
        int descriptors = disk.DescriptorsFor(new System.ReadOnlySpan<BlockSegment>(&data, 1));
        int depth = descriptors > 0 ? disk.QueueSize / descriptors : 0;
        return depth > BenchWorkspace.MaxDepth ? BenchWorkspace.MaxDepth : depth;
    }

    /// <summary>Request-sized blocks on the disk (at most 2^32 - 1, as the yardstick counts them).</summary>
    static uint Blocks(ulong capacitySectors, uint size)
    {
        ulong blocks = capacitySectors / (size / SectorSize);
        return blocks > uint.MaxValue ? uint.MaxValue : (uint)blocks;
    }

    static string Arch => RuntimeInformation.Arch == TargetArch.RiscV32 ? "rv32" : "rv64";

    static void PrintBanner<TWait>(ref BlockDevice<TWait> device, in BenchOptions options, ulong timebase, int slots,
        ulong napTicks)
        where TWait : struct, ICompletionWait
    {
        ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk = ref device.Driver;
        Print.Text("bench: C# kernel, ");
        Print.Text(Arch);
        Print.Text(", ");
        device.PrintName();
        Print.Text(" virtio-mmio@");
        Print.Hex(device.Address);
        Print.Text(disk.TransportVersion == VirtioMmio.VersionModern ? " modern, " : " legacy, ");
        Print.Text(disk.UsesInterrupts ? "interrupts" : "polling");
        if (napTicks != 0)
        {
            Print.Text(" with naps of ");
            Print.Decimal(options.NapMicroseconds);
            Print.Text(" us while others are in flight");
        }

        Print.Text(", capacity ");
        Print.Decimal(disk.CapacitySectors);
        Print.Text(" sectors, queue ");
        Print.Decimal((ulong)disk.QueueSize);
        Print.Text(" (");
        Print.Decimal((ulong)slots);
        Print.Text(" requests in flight), features accepted ");
        Print.Hex(disk.AcceptedFeatures);
        Print.Text(", timebase ");
        Print.Decimal(timebase);
        Print.Text(" Hz, ");
        if (options.Requests != 0)
        {
            Print.Text("n=");
            Print.Decimal((ulong)options.Requests);
        }
        else
        {
            Print.Decimal((ulong)options.EffectiveMilliseconds);
            Print.Text(" ms per case");
        }

        Print.Line(options.Verify ? ", writes verified" : ", no verification");
    }

    /// <summary>The contract's line: <c>bench: arch=rv64 transport=legacy completion=poll features=0x200 op=read
    /// pattern=seq size=4096 qd=16 n=8192 ticks=... iops=... kibps=...</c>.</summary>
    static void PrintResult<TWait>(ref VirtioBlk<MmioRegisters, PageAllocator, TWait> disk, in BenchCase bench,
        in BenchResult result, ulong timebase, ulong napTicks)
        where TWait : struct, ICompletionWait
    {
        Print.Text("bench: arch=");
        Print.Text(Arch);
        Print.Text(disk.TransportVersion == VirtioMmio.VersionModern ? " transport=modern" : " transport=legacy");
        Print.Text(disk.UsesInterrupts ? " completion=irq features=" : " completion=poll features=");
        Print.Hex(disk.AcceptedFeatures);
        Print.Text(bench.Write ? " op=write" : " op=read");
        Print.Text(bench.Random ? " pattern=rand size=" : " pattern=seq size=");
        Print.Decimal((ulong)bench.Size);
        Print.Text(" qd=");
        Print.Decimal((ulong)bench.Depth);
        Print.Text(" n=");
        Print.Decimal((ulong)result.Requests);
        Print.Text(" ticks=");
        Print.Decimal(result.Ticks);
        Print.Text(" iops=");
        Print.Decimal(result.Iops(timebase));
        Print.Text(" kibps=");
        Print.Decimal(result.KibPerSecond(bench.Size, timebase));

        // Extra keys (bench/README.md): the driver's QueueNotify writes and used-buffer interrupts over the case, the
        // instructions retired inside its calls (polling only; deterministic under -icount shift=0), and with
        // bench.nap the naps taken.
        Print.Text(" notifies=");
        Print.Decimal(result.Counters.Notifications);
        Print.Text(" irqs=");
        Print.Decimal(result.Counters.Interrupts);
        if (result.DriverInstructions != 0)
        {
            Print.Text(" insns=");
            Print.Decimal(result.DriverInstructions);
        }

        if (napTicks != 0)
        {
            Print.Text(" naps=");
            Print.Decimal(result.Naps);
        }

        Print.Line();
    }

    static int Fail(string what, string detail = "")
    {
        Print.Text("bench: error: ");
        Print.Text(what);
        Print.Line(detail);
        return 1;
    }

    /// <summary><c>bench: error: op=write pattern=rand size=4096 qd=16: ...</c>.</summary>
    static int Fail(in BenchCase bench, string what, string detail)
    {
        Print.Text("bench: error: ");
        Print.Text(bench.Write ? "op=write" : "op=read");
        Print.Text(bench.Random ? " pattern=rand size=" : " pattern=seq size=");
        Print.Decimal((ulong)bench.Size);
        Print.Text(" qd=");
        Print.Decimal((ulong)bench.Depth);
        Print.Text(": ");
        Print.Text(what);
        Print.Line(detail);
        return 1;
    }
}
