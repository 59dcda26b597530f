using System.Diagnostics;
using Kernel.Drivers.Block;
using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>A hostile device (<c>FakeVirtioBlkDevice.Hostile.cs</c>): used elements for requests not in flight, ids out
/// of range, lengths past the buffers, the same request completed twice, a used index that jumps or goes backwards,
/// capacities of 0 and 2^64 - 1 and one that never reads the same twice, a descriptor table scribbled on. Each time
/// the driver reports an error (<see cref="BlockError.ProtocolViolation"/> for the ring, then
/// <see cref="BlockError.DeviceNeedsReset"/>), writes nothing outside its memory and the callers' buffers (the arena's
/// canaries, <see cref="Rig.AssertClean"/>), reports every request exactly once (<see cref="CompletionLedger"/>), and
/// stays safe afterwards: nothing reaches the device, nothing waits.</summary>
public unsafe class HostileDeviceTests
{
    const ushort NoToken = VirtioBlk<FakeRegisters, TestDma, FakeWait>.NoToken;

    static Rig HostileRig(bool modern, bool interrupts = false, int sectors = 64, CompletionMode completion = CompletionMode.Manual) =>
        new(sectors, arenaBytes: 4 << 20, interrupts: interrupts, configure: d =>
        {
            d.Completion = completion;
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            }
        });

    /// <summary>Three one-sector reads in flight (sectors 1, 2, 3), each with its own buffer.</summary>
    static ushort[] ThreeReads(Rig rig, CompletionLedger ledger)
    {
        var tokens = new ushort[3];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, (ulong)(i + 1), rig.Buffer(512), out tokens[i]));
        }

        Assert.Equal(3, rig.Device.PendingCount);
        return tokens;
    }

    /// <summary>The driver gave up on the device: reset and FAILED, nothing in flight, every request reported once,
    /// each of <paramref name="failed"/> with <paramref name="expected"/>; and from now on every request is refused
    /// at once, nothing reaches the device, nothing waits, and the device can no longer reach the driver's rings.</summary>
    internal static void AssertGaveUpSafely(Rig rig, CompletionLedger ledger, int resetsBefore, IEnumerable<ushort> failed,
        BlockError expected = BlockError.ProtocolViolation)
    {
        Assert.False(rig.Driver.IsReady);
        Assert.Equal(0, rig.Driver.InFlight);
        Assert.True(rig.Device.ResetCount > resetsBefore, "the device was not reset");
        Assert.NotEqual(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
        Assert.Equal(0, rig.Device.PendingCount);   // the reset made the device drop every chain

        ledger.Drain(rig);
        ledger.AssertAllCompleted();
        var results = ledger.Completions.GroupBy(c => c.Token).ToDictionary(g => g.Key, g => g.Last().Result);
        foreach (ushort t in failed)
        {
            Assert.Equal(expected, results[t]);
        }

        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);

        int notifies = rig.Device.NotifyCount;
        var clock = Stopwatch.StartNew();
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.DeviceNeedsReset, ledger.Submit(rig, BlockOp.Read, 0, buffer, out ushort token));
        Assert.Equal(NoToken, token);
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Driver.Read(0, buffer));
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Driver.Write(0, buffer));
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Driver.Flush());
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Driver.GetId(rig.Buffer(20)));
        Assert.Equal(0, rig.Driver.ReapCompletions());
        Assert.Equal(BlockError.None, rig.Driver.WaitForCompletion());   // nothing in flight: at once
        Assert.False(rig.Driver.TryTakeCompleted(out _, out _));
        Assert.Equal(notifies, rig.Device.NotifyCount);
        Assert.False(rig.Device.PublishRawUsed(0, 1));   // the reset queue is gone
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        rig.AssertClean();
    }

    public enum NotInFlight
    {
        /// <summary>A descriptor no request uses.</summary>
        FreeDescriptor,

        /// <summary>A descriptor of a request in flight that is not its head (its data descriptor).</summary>
        NonHeadDescriptor,

        /// <summary>The head of a request already completed (reaped), not yet collected.</summary>
        CompletedNotCollected,
    }

    [Theory]
    [InlineData(false, NotInFlight.FreeDescriptor)]
    [InlineData(true, NotInFlight.FreeDescriptor)]
    [InlineData(false, NotInFlight.NonHeadDescriptor)]
    [InlineData(true, NotInFlight.NonHeadDescriptor)]
    [InlineData(false, NotInFlight.CompletedNotCollected)]
    [InlineData(true, NotInFlight.CompletedNotCollected)]
    public void AUsedIdThatIsNotARequestInFlightIsAProtocolViolation(bool modern, NotInFlight kind)
    {
        using var rig = HostileRig(modern).Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        int resets = rig.Device.ResetCount;
        ushort[] failed = tokens;
        uint id;
        switch (kind)
        {
            case NotInFlight.FreeDescriptor:
                id = 100;
                Assert.DoesNotContain((ushort)100, tokens.SelectMany(rig.Device.ChainOf));
                break;
            case NotInFlight.NonHeadDescriptor:
                id = rig.Device.ChainOf(tokens[1])[1];
                break;
            default:
                rig.Device.CompleteHead(tokens[0]);
                Assert.Equal(1, rig.Driver.ReapCompletions());
                id = tokens[0];
                failed = tokens[1..];
                break;
        }

        Assert.True(rig.Device.PublishRawUsed(id, 1));
        Assert.Equal(2 + (kind == NotInFlight.CompletedNotCollected ? 0 : 1), rig.Driver.ReapCompletions());
        AssertGaveUpSafely(rig, ledger, resets, failed);
        if (kind == NotInFlight.CompletedNotCollected)
        {
            // The first completion was a real one, in an earlier look: it stands, and it is reported once.
            Assert.Equal(BlockError.None, ledger.Completions.Single(c => c.Token == tokens[0]).Result);
        }
    }

    [Theory]
    [InlineData(false, 128u)]          // the queue size: one past the last descriptor
    [InlineData(true, 128u)]
    [InlineData(false, 0xffffu)]       // NoToken
    [InlineData(false, 0x1_0000u)]     // 0 in 16 bits
    [InlineData(true, 0x1_0003u)]      // a head in flight in 16 bits
    [InlineData(false, 0xffff_ffffu)]
    public void AUsedIdOutOfRangeIsAProtocolViolation(bool modern, uint id)
    {
        using var rig = HostileRig(modern).Started();
        Assert.Equal((ushort)128, rig.Driver.QueueSize);
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        int resets = rig.Device.ResetCount;
        Assert.True(rig.Device.PublishRawUsed(id, 1));
        Assert.Equal(3, rig.Driver.ReapCompletions());
        AssertGaveUpSafely(rig, ledger, resets, tokens);
    }

    public enum RequestKind
    {
        Read,
        ScatteredRead,
        Write,
        Flush,
        GetId,
    }

    /// <summary>Submits one request of <paramref name="kind"/>; returns the bytes its device-writable buffers hold
    /// (data in plus the status byte).</summary>
    static uint SubmitOne(Rig rig, CompletionLedger ledger, RequestKind kind, out ushort token)
    {
        switch (kind)
        {
            case RequestKind.Read:
                Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 4, rig.Buffer(2048), out token));
                return 2049;
            case RequestKind.ScatteredRead:
                Span<BlockSegment> segments = stackalloc BlockSegment[3];
                for (int i = 0; i < 3; i++)
                {
                    Span<byte> piece = rig.Buffer(512);
                    fixed (byte* p = piece)
                    {
                        segments[i] = new BlockSegment(p, 512);
                    }
                }

                Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Read, 4, segments, out token));
                ledger.Submitted(token);
                return 1537;
            case RequestKind.Write:
                Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Write, 4, rig.Buffer(2048), out token));
                return 1;
            case RequestKind.Flush:
                Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Flush, 0, default, out token));
                return 1;
            default:
                Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.GetId, 0, rig.Buffer(20), out token));
                return 21;
        }
    }

    [Theory]
    [InlineData(true, RequestKind.Read, 1u)]
    [InlineData(true, RequestKind.ScatteredRead, 1u)]
    [InlineData(true, RequestKind.Write, 1u)]
    [InlineData(true, RequestKind.Write, 4096u)]
    [InlineData(true, RequestKind.Flush, 1u)]
    [InlineData(true, RequestKind.GetId, 1u)]
    [InlineData(true, RequestKind.Read, 0x8000_0000u)]
    public void AUsedLengthPastTheWritableBuffersIsAProtocolViolation(bool modern, RequestKind kind, uint excess)
    {
        using var rig = HostileRig(modern).Started();
        var ledger = new CompletionLedger();
        uint writable = SubmitOne(rig, ledger, kind, out ushort token);
        Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 9, rig.Buffer(512), out ushort other));
        int resets = rig.Device.ResetCount;
        rig.Device.UsedLenLie = (head, written) =>
        {
            Assert.Equal(writable, written);   // the fake writes exactly the writable bytes, as QEMU does
            return head == token ? writable + excess : written;
        };
        rig.Device.CompleteHead(token);
        Assert.Equal(2, rig.Driver.ReapCompletions());
        AssertGaveUpSafely(rig, ledger, resets, [token, other]);
    }

    [Theory]
    [InlineData(RequestKind.Read, 0u)]   // legacy devices often report 0 (virtio 1.x 2.7.8.2): ignored
    [InlineData(RequestKind.Read, 1u)]
    [InlineData(RequestKind.Read, 2049u)]   // exactly the writable bytes
    [InlineData(RequestKind.Write, 0u)]
    [InlineData(RequestKind.GetId, 21u)]
    [InlineData(RequestKind.Read, 2050u)]   // more: a legacy device's quirk, ignored (5.2.6.3); modern devices above
    [InlineData(RequestKind.Write, 0x8000_0000u)]
    public void AUsedLengthUpToTheWritableBuffersIsAccepted(RequestKind kind, uint len)
    {
        using var rig = HostileRig(modern: false).Started();
        var ledger = new CompletionLedger();
        SubmitOne(rig, ledger, kind, out ushort token);
        rig.Device.UsedLenLie = (_, _) => len;
        rig.Device.CompleteHead(token);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        ledger.Completed(token, BlockError.None);
        Assert.True(rig.Driver.IsReady);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void TheSameIdTwiceInOneLookFailsThatRequestOnce(bool modern, bool interrupts)
    {
        using var rig = HostileRig(modern, interrupts).Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        int resets = rig.Device.ResetCount;
        rig.Device.CompleteHeadTwice(tokens[1]);

        // The first element completed tokens[1], the second names it again: the whole look is suspect, so tokens[1]
        // is not reported as a success, and it is reported once.
        Assert.Equal(BlockError.ProtocolViolation, rig.Driver.WaitFor(tokens[1]));
        ledger.Completed(tokens[1], BlockError.ProtocolViolation);
        AssertGaveUpSafely(rig, ledger, resets, tokens);
    }

    [Fact]
    public void TheSameRequestCompletedAgainAfterItsResultWasCollectedIsAProtocolViolation()
    {
        using var rig = HostileRig(modern: false).Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        rig.Device.CompleteHead(tokens[0]);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(tokens[0]));
        ledger.Completed(tokens[0], BlockError.None);

        int resets = rig.Device.ResetCount;
        Assert.True(rig.Device.PublishRawUsed(tokens[0], 513));
        Assert.Equal(2, rig.Driver.ReapCompletions());
        AssertGaveUpSafely(rig, ledger, resets, tokens[1..]);
        Assert.Single(ledger.Completions, c => c.Token == tokens[0] && c.Result == BlockError.None);
    }

    [Fact]
    public void AStaleCompletionForATokenHandedOutAgainIsCaughtByTheUnwrittenStatus()
    {
        // The device completes A, the driver collects it and hands A's head to B, then the device repeats A's used
        // element before it has even looked at B. B is in flight, so only the status byte (preset to a value no device
        // writes) shows that this element is not B's completion: B must not come back as done while the device may
        // still write into its buffer.
        using var rig = HostileRig(modern: true).Started();
        var ledger = new CompletionLedger();
        Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 1, rig.Buffer(512), out ushort a));
        rig.Device.CompleteHead(a);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(a));
        ledger.Completed(a, BlockError.None);

        Span<byte> bBuffer = rig.Buffer(512);
        bBuffer.Fill(0x5a);
        Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 2, bBuffer, out ushort b));
        Assert.Equal(a, b);   // the freed chain is the first one taken again
        int resets = rig.Device.ResetCount;
        Assert.True(rig.Device.PublishRawUsed(a, 513));
        Assert.Equal(BlockError.ProtocolViolation, rig.Driver.WaitFor(b));
        ledger.Completed(b, BlockError.ProtocolViolation);
        Assert.True(bBuffer.ToArray().All(x => x == 0x5a));   // the device never executed B
        AssertGaveUpSafely(rig, ledger, resets, []);
    }

    [Theory]
    [InlineData(false, 129)]       // more than the queue size
    [InlineData(true, 129)]
    [InlineData(false, 4)]         // more than the 3 requests in flight, less than the queue size
    [InlineData(true, 32768)]
    [InlineData(false, -1)]        // backwards: 65535 ahead
    [InlineData(true, -3)]
    [InlineData(false, 1)]         // within bounds, onto a stale (never written) element: its status is not written
    public void AUsedIndexThatJumpsIsAProtocolViolation(bool modern, int delta)
    {
        using var rig = HostileRig(modern).Started();
        var ledger = new CompletionLedger();

        // Some history first, so the ring holds stale elements naming real heads.
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, (ulong)i, rig.Buffer(512), out ushort t));
            rig.Device.CompleteHead(t);
            Assert.Equal(BlockError.None, rig.Driver.WaitFor(t));
            ledger.Completed(t, BlockError.None);
        }

        ushort[] tokens = ThreeReads(rig, ledger);
        int resets = rig.Device.ResetCount;
        Assert.True(rig.Device.MoveUsedIdx(delta));
        var clock = Stopwatch.StartNew();
        Assert.Equal(3, rig.Driver.ReapCompletions());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
        AssertGaveUpSafely(rig, ledger, resets, tokens);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AViolationWhileTheDriverWaitsEndsTheWaitAtOnce(bool interrupts)
    {
        using var rig = HostileRig(modern: false, interrupts: interrupts).Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        int resets = rig.Device.ResetCount;
        // Polling: on the third wait. Interrupts: on the first (a wait sleeps until the line rises).
        int trigger = interrupts ? 1 : 3;
        int waits = 0;
        rig.Waiting.OnWait = d =>
        {
            if (++waits == trigger)
            {
                d.PublishRawUsed(0xbeef, 1);
            }
        };
        Assert.Equal(BlockError.ProtocolViolation, rig.Driver.WaitFor(tokens[2]));
        ledger.Completed(tokens[2], BlockError.ProtocolViolation);
        Assert.Equal(trigger, waits);
        Assert.Equal(0, rig.Waiting.LostWakeups);
        Assert.Equal(BlockError.None, rig.Driver.WaitForCompletion());
        AssertGaveUpSafely(rig, ledger, resets, tokens);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ACapacityOfZeroRefusesEveryReadAndWrite(bool modern)
    {
        using var rig = HostileRig(modern, completion: CompletionMode.Immediate);
        rig.Device.CapacitySectors = 0;
        rig.Started();
        Assert.Equal(0ul, rig.Driver.CapacitySectors);
        Assert.Equal(0ul, rig.Driver.CapacityBytes);

        var ledger = new CompletionLedger();
        Span<byte> buffer = rig.Buffer(4096);
        foreach (ulong sector in new[] { 0ul, 1ul, 63ul, ulong.MaxValue })
        {
            Assert.Equal(BlockError.OutOfRange, rig.Driver.Read(sector, buffer[..512]));
            Assert.Equal(BlockError.OutOfRange, rig.Driver.Write(sector, buffer));
            Assert.Equal(BlockError.OutOfRange, ledger.Submit(rig, BlockOp.Read, sector, buffer, out _));
        }

        Span<byte> scratch = rig.Buffer(512);
        Assert.Equal(BlockError.OutOfRange, BlockIo.ReadBytes(ref rig.Driver, 0, buffer[..1], scratch));
        Assert.Equal(BlockError.None, BlockIo.ReadBytes(ref rig.Driver, 0, buffer[..0], scratch));
        Assert.Equal(BlockError.OutOfRange, BlockIo.WriteBytes(ref rig.Driver, 0, buffer[..1], scratch));

        // Nothing reached the device but what needs no sectors.
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.Equal(BlockError.None, rig.Driver.GetId(rig.Buffer(20)));
        Assert.Equal([VirtioBlkReqHeader.VIRTIO_BLK_T_FLUSH, VirtioBlkReqHeader.VIRTIO_BLK_T_GET_ID],
            rig.Device.Requests.Select(r => r.Type));
        Assert.True(rig.Driver.IsReady);
        Assert.Equal(rig.Original, rig.Device.Disk);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ACapacityOf2To64Minus1SaturatesAndRangesDoNotOverflow(bool modern)
    {
        const ulong Last = ulong.MaxValue - 1;   // the last sector of a disk of 2^64 - 1 sectors
        using var rig = HostileRig(modern, completion: CompletionMode.Immediate);
        rig.Device.CapacitySectors = ulong.MaxValue;
        rig.Started();
        Assert.Equal(ulong.MaxValue, rig.Driver.CapacitySectors);
        Assert.Equal(ulong.MaxValue, rig.Driver.CapacityBytes);

        Span<byte> data = rig.Buffer(64 * 1024);
        new Random(8).NextBytes(data);
        Assert.Equal(BlockError.None, rig.Driver.Write(Last, data[..512]));
        Assert.True(rig.Device.ReadBack(Last, 1).AsSpan().SequenceEqual(data[..512]));
        Span<byte> back = rig.Buffer(64 * 1024);
        Assert.Equal(BlockError.None, rig.Driver.Read(Last, back[..512]));
        Assert.True(back[..512].SequenceEqual(data[..512]));
        Assert.Equal(Last, rig.Device.Requests[^1].Sector);

        // sector + count would overflow, or pass the end by one: refused before the device.
        int requests = rig.Device.Requests.Count;
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Read(Last, back[..1024]));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Read(ulong.MaxValue, back[..512]));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Write(ulong.MaxValue - 127, data));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Read(ulong.MaxValue - 100, back));   // 128 sectors: to 2^64 + 27
        Assert.Equal(requests, rig.Device.Requests.Count);

        // The last 128 sectors in one request: fine.
        Assert.Equal(BlockError.None, rig.Driver.Write(ulong.MaxValue - 128, data));
        Assert.Equal(BlockError.None, rig.Driver.Read(ulong.MaxValue - 128, back));
        Assert.True(back.SequenceEqual(data));

        // The byte layer saturates at 2^64 - 1 bytes and reaches the sectors below it.
        Span<byte> scratch = rig.Buffer(512);
        Assert.Equal(BlockError.None, BlockIo.WriteBytes(ref rig.Driver, ulong.MaxValue - 600, data[..100], scratch));
        Assert.Equal(BlockError.OutOfRange, BlockIo.ReadBytes(ref rig.Driver, ulong.MaxValue - 10, back[..11], scratch));
        Assert.Equal(BlockError.None, BlockIo.ReadBytes(ref rig.Driver, ulong.MaxValue - 600, back[..100], scratch));
        Assert.True(back[..100].SequenceEqual(data[..100]));
        Assert.True(rig.Driver.IsReady);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false, 3, true)]     // changes three times, then reads the same: taken
    [InlineData(true, 3, true)]
    [InlineData(false, 1000, false)] // never the same twice: no value can be trusted
    [InlineData(true, 1000, false)]
    public void ACapacityThatChangesUnderEveryReadIsAProtocolViolation(bool modern, int changes, bool settles)
    {
        const ulong Start = 0x1_FFFF_FFFF;
        int changed = 0;
        using var rig = HostileRig(modern, completion: CompletionMode.Immediate);
        rig.Device.CapacitySectors = Start;
        rig.Device.AfterConfigRead = (device, offset) =>
        {
            // After each read of either half of capacity: the high word (legacy) or ConfigGeneration (modern) moves.
            if (offset is 0 or 4 && changed < changes)
            {
                changed++;
                device.CapacitySectors += 1ul << 32;
            }
        };

        BlockError error = rig.Initialize();
        if (settles)
        {
            Assert.Equal(BlockError.None, error);
            Assert.Equal(rig.Device.CapacitySectors, rig.Driver.CapacitySectors);
            Assert.True(rig.Driver.IsReady);
        }
        else
        {
            Assert.Equal(BlockError.ProtocolViolation, error);
            Assert.False(rig.Driver.IsReady);
            Assert.NotEqual(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
            Assert.Equal(0u, rig.Device.Status & VirtioDeviceStatus.DriverOk);
            Assert.Equal(BlockError.NoDevice, rig.Driver.Read(0, rig.Buffer(512)));
            Assert.True(changed < 40, $"{changed} reads of the capacity");
        }

        rig.AssertClean();
    }

    [Theory]
    [InlineData(false, 4)]
    [InlineData(true, 16)]
    [InlineData(false, 128)]
    public void ADeviceThatScribblesOnTheDescriptorTableCannotCorruptTheFreeList(bool modern, int queueSize)
    {
        // The descriptor table is device-readable: a device that writes it anyway (next out of range, loops, other
        // chains) must not make the driver free a descriptor twice, hand out one in use, or index past the table.
        using var rig = HostileRig(modern, sectors: 256);
        rig.Device.QueueNumMax = (uint)queueSize;
        rig.Device.ScribbleDescriptors = true;
        rig.Started(Rig.DirectFeatures, (uint)queueSize);   // chains of 3 in the ring: what there is to scribble on
        var random = new Random(queueSize);
        var ledger = new CompletionLedger();
        var image = (byte[])rig.Original.Clone();
        byte* poolBase;
        fixed (byte* p = rig.Buffer(64 * 2048))
        {
            poolBase = p;   // native memory: it does not move
        }

        var pool = new Span<byte>(poolBase, 64 * 2048);
        var owner = new Dictionary<ushort, (int Slot, ulong Sector, bool Write)>();
        var freeSlots = new Stack<int>(Enumerable.Range(0, 64));

        // The device executes a request when it completes it: a write reaches the image then.
        void CompleteOne(ushort head)
        {
            (int slot, ulong sector, bool write) = owner[head];
            if (write)
            {
                new Span<byte>(poolBase + slot * 2048, 2048).CopyTo(image.AsSpan((int)sector * 512));
            }

            rig.Device.CompleteHead(head);
        }

        for (int step = 0; step < 3000; step++)
        {
            if (freeSlots.Count != 0 && random.Next(3) != 0)
            {
                int slot = freeSlots.Peek();
                ulong sector = (ulong)random.Next(0, 252);
                bool write = random.Next(2) == 0;
                Span<byte> buffer = pool.Slice(slot * 2048, 2048);
                if (write)
                {
                    random.NextBytes(buffer);
                }

                BlockError error = ledger.Submit(rig, write ? BlockOp.Write : BlockOp.Read, sector, buffer, out ushort token);
                if (error == BlockError.QueueFull)
                {
                    continue;
                }

                Assert.Equal(BlockError.None, error);
                freeSlots.Pop();
                owner[token] = (slot, sector, write);
            }
            else if (rig.Device.PendingCount != 0)
            {
                CompleteOne(rig.Device.PendingHeads[random.Next(rig.Device.PendingCount)]);
                rig.Driver.ReapCompletions();
                while (rig.Driver.TryTakeCompleted(out ushort done, out BlockError result))
                {
                    ledger.Completed(done, result);
                    Assert.Equal(BlockError.None, result);
                    (int slot, ulong sector, bool write) = owner[done];
                    owner.Remove(done);
                    if (!write)
                    {
                        Assert.True(pool.Slice(slot * 2048, 2048).SequenceEqual(image.AsSpan((int)sector * 512, 2048)), $"step {step}");
                    }

                    freeSlots.Push(slot);
                }
            }
        }

        while (rig.Device.PendingCount != 0)
        {
            CompleteOne(rig.Device.PendingHeads[0]);
        }

        rig.Driver.ReapCompletions();
        ledger.Drain(rig);
        ledger.AssertAllCompleted();
        Assert.True(rig.Device.DescriptorsScribbled > 1000, $"{rig.Device.DescriptorsScribbled} descriptors scribbled");
        Assert.Equal(queueSize, rig.Driver.FreeDescriptors);
        Assert.Equal(image, rig.Device.Disk);
        Assert.True(rig.Driver.IsReady);
        rig.AssertClean();
    }
}
