using System.Diagnostics;
using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Kernel.Drivers.Tests;

/// <summary>A seeded, reproducible randomized test: thousands of mixed reads, writes, flushes and GET_IDs of random
/// sizes, sectors (the edge of the disk and out of range included) and scatter-gather layouts, at random queue depths,
/// against a fake device that completes them in random order, at random times (also while the driver waits), and
/// fails a random fraction with IOERR or UNSUPP. A simple model (a byte[] image, the free descriptors, and the
/// expected result of every request) must match every result the driver reports, every byte read, the image at the
/// end, and every token must be reported exactly once. Each seed also picks the transport, polling or interrupts, the
/// queue size, FLUSH, SEG_MAX and SIZE_MAX.
/// <para>A failure names the seed and the operation; <c>DRIVER_RANDOM_SEEDS=seed</c> reruns just that one
/// (<see cref="MoreSeedsFromTheEnvironment"/>). <c>DRIVER_RANDOM_SEEDS=1-500</c> (a range; or a list "3,17,99-120")
/// runs more seeds, <c>DRIVER_RANDOM_OPS</c> sets the operations per seed (default 5000).</para></summary>
public unsafe class RandomizedTests(ITestOutputHelper output)
{
    const int DefaultOperations = 5000;
    const int Slots = 32;
    const int MaxSectors = 128;                 // 64 KiB per request
    const int SlotBytes = MaxSectors * 512 + 1024;   // room for gaps between scattered segments
    const byte Untouched = 0xEE;

    /// <summary>Four fixed seeds, chosen for what they set up (each seed's first draws): 1: modern, interrupts,
    /// 32 entries, seg_max 8, size_max 1024, 30 % errors (QueueFull and BadBuffer often); 13: legacy, polling, 256
    /// entries, size_max 16384, 30 % errors; 29: legacy, interrupts, 8 entries, size_max 16384, 30 % errors; 40:
    /// legacy, polling, 128 entries, no FLUSH, size_max 1024, 10 % errors.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(29)]
    [InlineData(40)]
    public void MixedRequestsMatchTheModel(int seed) => Run(seed, DefaultOperations);

    /// <summary>The same on the packed ring (2.8; the transport is then modern whatever the seed draws): seed 1
    /// (interrupts, 32 entries, direct chains that cross the ring's end) and 40 (polling, 128 entries, indirect).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void PackedRingMatchesTheModel(int seed) => Run(seed, DefaultOperations, packed: true);

    /// <summary>Runs the seeds of DRIVER_RANDOM_SEEDS with DRIVER_RANDOM_OPS operations each; nothing when unset.</summary>
    [Fact]
    public void MoreSeedsFromTheEnvironment()
    {
        string? seeds = Environment.GetEnvironmentVariable("DRIVER_RANDOM_SEEDS");
        if (string.IsNullOrWhiteSpace(seeds))
        {
            return;
        }

        int operations = int.TryParse(Environment.GetEnvironmentVariable("DRIVER_RANDOM_OPS"), out int n) ? n : DefaultOperations;
        var clock = Stopwatch.StartNew();
        int count = 0;
        bool packed = Environment.GetEnvironmentVariable("DRIVER_RANDOM_RING") == "packed";
        foreach (int seed in ParseSeeds(seeds))
        {
            Run(seed, operations, packed);
            count++;
        }

        output.WriteLine($"{count} seeds x {operations} operations in {clock.Elapsed.TotalSeconds:F1} s");
    }

    static IEnumerable<int> ParseSeeds(string text)
    {
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-', 1);
            if (dash > 0)
            {
                int from = int.Parse(part[..dash]);
                int to = int.Parse(part[(dash + 1)..]);
                for (int s = from; s <= to; s++)
                {
                    yield return s;
                }
            }
            else
            {
                yield return int.Parse(part);
            }
        }
    }

    /// <summary>One request the model knows about, from submission to the report of its result.</summary>
    sealed class Request
    {
        public required int Number;
        public required BlockOp Op;
        public required ulong Sector;
        public required int Slot;
        public required (int Offset, int Length)[] Segments;   // within the slot
        public required int Descriptors;
        public byte[]? Data;              // a write's data; a read's or GET_ID's expected data once executed
        public BlockError? Expected;      // set when the device completes it
    }

    void Run(int seed, int operations, bool packed = false)
    {
        var random = new Random(seed);
        bool modern = random.Next(2) == 0 || packed;
        bool interrupts = random.Next(3) == 0;
        uint queueNumMax = new uint[] { 8, 16, 32, 64, 128, 256 }[random.Next(6)];
        bool flushOffered = random.Next(8) != 0;
        uint segMax = new uint[] { 126, 8, 2 }[random.Next(3)];
        uint sizeMax = new uint[] { 0, 0, 1024, 4096, 16384 }[random.Next(5)];
        int sectors = random.Next(64, 513);
        double errorRate = random.Next(4) switch { 0 => 0, 1 => 0.02, 2 => 0.1, _ => 0.3 };
        bool indirect = seed % 2 == 0;   // not drawn from random: the other settings of a seed stay what they were
        string setting = $"seed {seed}: {(modern ? "modern" : "legacy")}, {(packed ? "packed" : "split")}, " +
                         $"{(interrupts ? "interrupts" : "polling")}, " +
                         $"{(indirect ? "indirect" : "direct")}, " +
                         $"QueueNumMax {queueNumMax}, FLUSH {flushOffered}, seg_max {segMax}, size_max {sizeMax}, " +
                         $"{sectors} sectors, error rate {errorRate}";
        output.WriteLine(setting);

        using var rig = new Rig(sectors, arenaBytes: 8 << 20, interrupts: interrupts, configure: d =>
        {
            d.Completion = CompletionMode.Manual;
            d.QueueNumMax = queueNumMax;
            d.HostFeatures = packed ? FakeVirtioBlkDevice.ModernQemuPackedFeatures :
                modern ? FakeVirtioBlkDevice.ModernQemuLikeFeatures : FakeVirtioBlkDevice.QemuLikeFeatures;
            if (!flushOffered)
            {
                d.HostFeatures &= ~VirtioBlkFeatures.Flush;
            }

            if (sizeMax != 0)
            {
                d.HostFeatures |= VirtioBlkFeatures.SizeMax;
                d.SizeMax = sizeMax;
            }

            d.SegMax = segMax;
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
            }
        });
        rig.Started(indirect ? VirtioBlkFeatures.Default : Rig.DirectFeatures, 256);

        Assert.Equal(packed, rig.Driver.UsesPackedRing);
        int queueSize = (int)Math.Min(queueNumMax, 256);
        int indirectEntries = indirect ? Virtqueue.IndirectEntries((uint)queueSize) : 0;

        // Ring descriptors a request of this many data pieces takes: one when it fits an indirect table (2.7.5.3).
        int RingDescriptors(int pieces) => pieces + 2 <= indirectEntries ? 1 : pieces + 2;
        Assert.Equal(queueSize, rig.Driver.QueueSize);
        int maxSegments = Math.Min((int)segMax, queueSize - 2);
        Assert.Equal(maxSegments, rig.Driver.MaxSegments);

        byte* pool;
        fixed (byte* p = rig.Arena.AllocateBuffer(Slots * SlotBytes, alignment: 4096))
        {
            pool = p;   // native memory: it does not move
        }

        byte[] image = (byte[])rig.Original.Clone();
        byte[] serial = new byte[VirtioBlkReqHeader.IdBytes];
        "fake-serial"u8.CopyTo(serial);
        var ledger = new CompletionLedger();
        var outstanding = new Dictionary<ushort, Request>();   // accepted, result not yet reported
        var freeSlots = new List<int>(Enumerable.Range(0, Slots));
        int freeDescriptors = queueSize;
        int submissions = 0;
        int executed = 0;
        int targetDepth = 1;
        var outcomes = new Dictionary<string, int>();
        void Count(string what) => outcomes[what] = outcomes.GetValueOrDefault(what) + 1;

        Span<byte> SlotSpan(int slot) => new(pool + slot * SlotBytes, SlotBytes);

        // The device executes a request when it completes it; the model follows in the same order.
        void DeviceCompletes(ushort head)
        {
            Request request = outstanding[head];
            byte? injected = null;
            if (random.NextDouble() < errorRate)
            {
                injected = random.Next(2) == 0 ? VirtioBlkStatus.VIRTIO_BLK_S_IOERR : VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP;
            }

            if (injected is byte status)
            {
                request.Expected = status == VirtioBlkStatus.VIRTIO_BLK_S_IOERR ? BlockError.IoError : BlockError.Unsupported;
            }
            else
            {
                request.Expected = BlockError.None;
                int length = request.Segments.Sum(s => s.Length);
                switch (request.Op)
                {
                    case BlockOp.Write:
                        request.Data!.CopyTo(image.AsSpan(checked((int)request.Sector * 512)));
                        break;
                    case BlockOp.Read:
                        request.Data = image.AsSpan(checked((int)request.Sector * 512), length).ToArray();
                        break;
                    case BlockOp.GetId:
                        request.Data = serial;
                        break;
                }
            }

            rig.Device.ForcedStatus = injected;
            try
            {
                rig.Device.CompleteHead(head);
            }
            finally
            {
                rig.Device.ForcedStatus = null;
            }

            executed++;
        }

        rig.Waiting.OnWait = d =>
        {
            IReadOnlyList<ushort> pending = d.PendingHeads;
            if (pending.Count != 0)
            {
                DeviceCompletes(pending[random.Next(pending.Count)]);
            }
        };

        // The driver reports a result: it must be for a request outstanding, as the model expects, with the data.
        void Reported(ushort token, BlockError result)
        {
            ledger.Completed(token, result);
            Assert.True(outstanding.Remove(token, out Request? request), $"token {token} reported but not outstanding");
            Assert.True(request.Expected.HasValue, $"request {request.Number} (token {token}) reported before the device completed it");
            Assert.True(request.Expected == result, $"request {request.Number} ({request.Op} at {request.Sector}, token {token}): {result}, the model says {request.Expected}");
            Span<byte> slot = SlotSpan(request.Slot);
            if (result == BlockError.None && request.Op is BlockOp.Read or BlockOp.GetId)
            {
                int at = 0;
                foreach ((int offset, int length) in request.Segments)
                {
                    if (!slot.Slice(offset, length).SequenceEqual(request.Data.AsSpan(at, length)))
                    {
                        Assert.Fail($"request {request.Number} ({request.Op} at {request.Sector}): the data read differs from the model");
                    }

                    at += length;
                }
            }

            // Nothing outside the request's segments changed in its slot (a read's or GET_ID's slot was filled first).
            if (request.Op is BlockOp.Read or BlockOp.GetId)
            {
                int from = 0;
                foreach ((int offset, int length) in request.Segments.Append((SlotBytes, 0)))
                {
                    if (slot[from..offset].IndexOfAnyExcept(Untouched) >= 0)
                    {
                        Assert.Fail($"request {request.Number}: bytes {from}..{offset} of its slot, outside its segments, changed");
                    }

                    from = offset + length;
                }
            }

            freeDescriptors += request.Descriptors;
            freeSlots.Add(request.Slot);
            Count(result.ToString());
        }

        // The pieces the driver must cut a segment into (README: at size_max, on a page boundary when size_max >= 4096).
        int Pieces(byte* start, int length)
        {
            int pieces = 0;
            ulong bus = rig.Arena.BusAddress(start);
            for (uint done = 0; done < (uint)length; pieces++)
            {
                uint take = (uint)length - done;
                if (sizeMax != 0 && take > sizeMax)
                {
                    take = sizeMax;
                    if (sizeMax >= 4096)
                    {
                        ulong end = (bus + done + take) & ~4095ul;
                        if (end > bus + done)
                        {
                            take = (uint)(end - (bus + done));
                        }
                    }
                }

                done += take;
            }

            return pieces;
        }

        void Submit(int operation)
        {
            int slot = freeSlots[random.Next(freeSlots.Count)];
            int kind = random.Next(100);
            BlockOp op = kind < 40 ? BlockOp.Read : kind < 80 ? BlockOp.Write : kind < 93 ? BlockOp.Flush : BlockOp.GetId;
            bool bogus = random.Next(50) == 0;

            // Size and place.
            int count = random.Next(10) switch
            {
                < 3 => 1,
                < 7 => random.Next(2, 9),
                _ => random.Next(9, MaxSectors + 1),
            };
            int length = op switch
            {
                BlockOp.Flush => 0,
                BlockOp.GetId => VirtioBlkReqHeader.IdBytes,
                _ => count * 512,
            };
            if (bogus && op is BlockOp.Read or BlockOp.Write)
            {
                length -= 1 + random.Next(511);   // not a multiple of 512 (0 when count is 1 and 511 are taken: still bad)
            }

            ulong sector = random.Next(10) switch
            {
                < 8 => (ulong)random.Next(0, Math.Max(1, sectors - count + 1)),
                8 => (ulong)Math.Max(0, sectors - count),                     // the very end
                _ => random.Next(3) switch                                    // out of range
                {
                    0 => (ulong)(sectors - count + 1 + random.Next(count + 8)),
                    1 => (ulong)sectors,
                    _ => ulong.MaxValue - (ulong)random.Next(200),
                },
            };

            // Scatter the data over up to 4 segments with gaps between them.
            var segments = new List<(int Offset, int Length)>();
            int pieces = 0;
            if (length > 0)
            {
                int parts = random.Next(3) == 0 ? Math.Min(length, random.Next(2, 5)) : 1;
                var cuts = Enumerable.Range(0, parts - 1).Select(_ => random.Next(1, length)).Distinct().Order().ToList();
                cuts.Insert(0, 0);
                cuts.Add(length);
                int offset = random.Next(0, 64);
                for (int i = 0; i + 1 < cuts.Count; i++)
                {
                    int piece = cuts[i + 1] - cuts[i];
                    segments.Add((offset, piece));
                    pieces += Pieces(pool + slot * SlotBytes + offset, piece);
                    offset += piece + random.Next(0, 64);
                }
            }

            Span<BlockSegment> data = stackalloc BlockSegment[segments.Count];
            for (int i = 0; i < segments.Count; i++)
            {
                data[i] = new BlockSegment(pool + slot * SlotBytes + segments[i].Offset, (uint)segments[i].Length);
            }

            // What the driver must answer before the device sees anything, in the driver's documented order.
            BlockError expected = BlockError.None;
            int total = length;
            if (op is BlockOp.Read or BlockOp.Write)
            {
                ulong sectorsAsked = (ulong)total / 512;
                if (total == 0 || total % 512 != 0)
                {
                    expected = BlockError.BadBuffer;
                }
                else if (sector >= (ulong)sectors || sectorsAsked > (ulong)sectors - sector)
                {
                    expected = BlockError.OutOfRange;
                }
            }
            else if (op == BlockOp.Flush && !flushOffered)
            {
                expected = BlockError.Unsupported;
            }

            if (expected == BlockError.None && pieces > maxSegments)
            {
                expected = BlockError.BadBuffer;
            }
            else if (expected == BlockError.None && RingDescriptors(pieces) > freeDescriptors)
            {
                expected = BlockError.QueueFull;
            }

            // Fill: a write's data, or the pattern a read must leave alone outside its segments.
            Span<byte> slotSpan = SlotSpan(slot);
            byte[]? writeData = null;
            if (op == BlockOp.Write)
            {
                writeData = new byte[Math.Max(total, 0)];
                random.NextBytes(writeData);
                int at = 0;
                foreach ((int offset, int piece) in segments)
                {
                    writeData.AsSpan(at, piece).CopyTo(slotSpan.Slice(offset, piece));
                    at += piece;
                }
            }
            else
            {
                slotSpan.Fill(Untouched);
            }

            int notifies = rig.Device.NotifyCount;
            BlockError error = rig.Driver.Submit(op, sector, data, out ushort token);
            submissions++;
            Assert.True(expected == error, $"submit {op} of {total} bytes in {segments.Count} segments ({pieces} pieces) at sector {sector}: {error}, the model says {expected}");
            if (error != BlockError.None)
            {
                Assert.Equal(VirtioBlk<FakeRegisters, TestDma, FakeWait>.NoToken, token);
                Assert.Equal(notifies, rig.Device.NotifyCount);   // nothing reached the device
                Count("refused " + error);
                return;
            }

            ledger.Submitted(token);
            freeSlots.Remove(slot);
            freeDescriptors -= RingDescriptors(pieces);
            outstanding.Add(token, new Request
            {
                Number = operation,
                Op = op,
                Sector = sector,
                Slot = slot,
                Segments = [.. segments],
                Descriptors = RingDescriptors(pieces),
                Data = writeData,
            });
        }

        void DriverSide()
        {
            switch (random.Next(6))
            {
                case 0:
                    rig.Driver.ReapCompletions();
                    break;
                case 1:
                    rig.Driver.ReapCompletions();
                    while (rig.Driver.TryTakeCompleted(out ushort token, out BlockError result))
                    {
                        Reported(token, result);
                    }

                    break;
                case 2 when outstanding.Count != 0:
                    {
                        ushort token = outstanding.Keys.ElementAt(random.Next(outstanding.Count));
                        rig.Driver.ReapCompletions();
                        if (rig.Driver.TryGetResult(token, out BlockError result))
                        {
                            Reported(token, result);
                        }
                        else
                        {
                            Assert.True(outstanding[token].Expected is null,
                                $"request {outstanding[token].Number}: completed by the device and reaped, yet still in flight");
                        }

                        break;
                    }

                case 3 when outstanding.Count != 0:
                    {
                        ushort token = outstanding.Keys.ElementAt(random.Next(outstanding.Count));
                        Reported(token, rig.Driver.WaitFor(token));
                        break;
                    }

                case 4:
                    Assert.Equal(BlockError.None, rig.Driver.WaitForCompletion());
                    break;
                default:
                    Assert.True(rig.Driver.TryGetResult(rig.Driver.QueueSize, out BlockError bad));   // never a token
                    Assert.Equal(BlockError.BadToken, bad);
                    break;
            }
        }

        var clock = Stopwatch.StartNew();
        for (int operation = 0; operation < operations; operation++)
        {
            try
            {
                if (operation % 200 == 0)
                {
                    targetDepth = new[] { 1, 2, 4, 8, 16, 32 }[random.Next(6)];
                }

                int action = random.Next(100);
                if (action < 45 && freeSlots.Count != 0 && (outstanding.Count < targetDepth || random.Next(20) == 0))
                {
                    Submit(operation);
                }
                else if (action < 75)
                {
                    IReadOnlyList<ushort> pending = rig.Device.PendingHeads;
                    for (int n = random.Next(1, 5); n > 0 && pending.Count != 0; n--)
                    {
                        DeviceCompletes(pending[random.Next(pending.Count)]);
                        pending = rig.Device.PendingHeads;
                    }
                }
                else
                {
                    DriverSide();
                }

                Assert.Equal(freeDescriptors, rig.Driver.FreeDescriptors);
                Assert.True(rig.Driver.IsReady);
            }
            catch (Exception e) when (!e.Message.StartsWith("seed ", StringComparison.Ordinal))
            {
                throw new XunitException($"seed {seed}, operation {operation} ({setting}): {e.Message}\n" +
                                         $"reproduce: DRIVER_RANDOM_SEEDS={seed} DRIVER_RANDOM_OPS={operation + 1} " +
                                         (packed ? "DRIVER_RANDOM_RING=packed " : "") +
                                         $"dotnet test tests/Driver.Tests --filter MoreSeedsFromTheEnvironment\n{e.StackTrace}");
            }
        }

        // Drain: the device completes the rest, the driver reports every one.
        try
        {
            while (rig.Device.PendingCount != 0)
            {
                DeviceCompletes(rig.Device.PendingHeads[0]);
            }

            rig.Driver.ReapCompletions();
            while (rig.Driver.TryTakeCompleted(out ushort token, out BlockError result))
            {
                Reported(token, result);
            }

            Assert.Empty(outstanding);
            ledger.AssertAllCompleted();
            Assert.Equal(queueSize, rig.Driver.FreeDescriptors);
            Assert.Equal(executed, rig.Device.RequestCount);
            Assert.True(image.AsSpan().SequenceEqual(rig.Device.Disk), "the disk differs from the model's image");
            rig.AssertClean();
        }
        catch (Exception e) when (!e.Message.StartsWith("seed ", StringComparison.Ordinal))
        {
            throw new XunitException($"seed {seed}, after {operations} operations ({setting}): {e.Message}");
        }

        output.WriteLine($"{submissions} submissions, {executed} executed by the device, {clock.ElapsedMilliseconds} ms: " +
                         string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")));
    }
}
