using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The same requests on every ring (<see cref="RingKind"/>): the split ring on both interfaces and the packed
/// ring (virtio 1.2 2.8), through the same driver API. The fake device checks each format's rules for the driver
/// (<see cref="Rig.AssertClean"/>); the disk image is the reference for every byte.</summary>
public unsafe class BothRingsTests
{
    public static TheoryData<RingKind, bool> RingsAndModes()
    {
        var data = new TheoryData<RingKind, bool>();
        foreach (RingKind kind in Enum.GetValues<RingKind>())
        {
            data.Add(kind, false);
            data.Add(kind, true);
        }

        return data;
    }

    public static TheoryData<RingKind> AllRings() => [.. Enum.GetValues<RingKind>()];

    /// <summary><paramref name="count"/> buffers of <paramref name="bytes"/> in the rig's DMA arena, used again and
    /// again (the arena never frees).</summary>
    static nint[] Pool(Rig rig, int count, int bytes)
    {
        var pool = new nint[count];
        for (int i = 0; i < count; i++)
        {
            fixed (byte* p = rig.Buffer(bytes))
            {
                pool[i] = (nint)p;
            }
        }

        return pool;
    }

    static BlockError Submit(Rig rig, BlockOp op, ulong sector, Span<byte> data, out ushort token)
    {
        fixed (byte* p = data)
        {
            return rig.Driver.Submit(op, sector, p, (uint)data.Length, out token);
        }
    }

    [Theory]
    [MemberData(nameof(RingsAndModes))]
    public void EveryRequestTypeWorks(RingKind kind, bool interrupts)
    {
        using var rig = Rings.Rig(kind, interrupts: interrupts).Started(VirtioBlkFeatures.Default, 128);
        Rings.AssertRing(rig, kind);
        Span<byte> buffer = rig.Buffer(8 * 512);
        Assert.Equal(BlockError.None, rig.Driver.Read(16, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(16, 8)));

        Span<byte> data = rig.Buffer(4 * 512);
        new Random(7).NextBytes(data);
        Assert.Equal(BlockError.None, rig.Driver.Write(40, data));
        Assert.True(rig.Device.ReadBack(40, 4).AsSpan().SequenceEqual(data));
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.Equal(1, rig.Device.FlushCount);

        Span<byte> id = rig.Buffer(20);
        Assert.Equal(BlockError.None, rig.Driver.GetId(id));
        Assert.Equal("fake-serial", System.Text.Encoding.ASCII.GetString(id).TrimEnd('\0'));
        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }

    [Theory]
    [MemberData(nameof(AllRings))]
    public void DeviceStatusesMapToErrors(RingKind kind)
    {
        using var rig = Rings.Rig(kind).Started();
        Span<byte> buffer = rig.Buffer(512);
        rig.Device.ForcedStatus = VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
        Assert.Equal(BlockError.IoError, rig.Driver.Read(0, buffer));
        rig.Device.ForcedStatus = VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP;
        Assert.Equal(BlockError.Unsupported, rig.Driver.Write(0, buffer));
        rig.Device.ForcedStatus = 7;
        Assert.Equal(BlockError.DeviceError, rig.Driver.Read(0, buffer));
        rig.Device.ForcedStatus = null;
        Assert.Equal(BlockError.None, rig.Driver.Read(0, buffer));
        Assert.True(rig.Driver.IsReady);
        rig.AssertClean();
    }

    /// <summary>Scattered requests of many segments, as direct chains (128 descriptors at most) and through indirect
    /// tables: every byte lands where the image says.</summary>
    [Theory]
    [InlineData(RingKind.LegacySplit, false)]
    [InlineData(RingKind.LegacySplit, true)]
    [InlineData(RingKind.ModernPacked, false)]
    [InlineData(RingKind.ModernPacked, true)]
    public void ScatteredRequestsDirectAndIndirect(RingKind kind, bool indirect)
    {
        using var rig = Rings.Rig(kind).Started(indirect ? VirtioBlkFeatures.Default : Rig.DirectFeatures, 128);
        var random = new Random(3);
        for (int round = 0; round < 40; round++)
        {
            int pieces = random.Next(1, 40);
            var segments = new BlockSegment[pieces];
            var spans = new List<byte[]>();
            ulong sector = (ulong)random.Next(0, 256 - pieces);
            for (int i = 0; i < pieces; i++)
            {
                Span<byte> piece = rig.Buffer(512);
                fixed (byte* p = piece)
                {
                    segments[i] = new BlockSegment(p, 512);
                }
            }

            bool write = random.Next(2) == 0;
            if (write)
            {
                foreach (BlockSegment s in segments)
                {
                    random.NextBytes(new Span<byte>(s.Address, 512));
                }
            }

            Assert.Equal(BlockError.None, rig.Driver.Submit(write ? BlockOp.Write : BlockOp.Read, sector, segments, out ushort token));
            Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
            byte[] disk = rig.Device.ReadBack(sector, pieces);
            for (int i = 0; i < pieces; i++)
            {
                Assert.True(new Span<byte>(segments[i].Address, 512).SequenceEqual(disk.AsSpan(i * 512, 512)), $"round {round} piece {i}");
            }
        }

        Assert.Equal(indirect, rig.Device.IndirectRequests > 0);
        rig.AssertClean();
    }

    /// <summary>The queue filled with requests in flight, completed by the device in an order of its choosing (reverse,
    /// random, in order), each result under the right token, and the descriptors given back.</summary>
    [Theory]
    [InlineData(RingKind.LegacySplit, 0)]
    [InlineData(RingKind.ModernSplit, 1)]
    [InlineData(RingKind.ModernPacked, 0)]
    [InlineData(RingKind.ModernPacked, 1)]
    [InlineData(RingKind.ModernPacked, 2)]
    public void AFullQueueCompletesInAnyOrder(RingKind kind, int order)
    {
        using var rig = Rings.Rig(kind, CompletionMode.Manual).Started();
        Assert.Equal((ushort)128, rig.Driver.QueueSize);
        int capacity = 128 / 3;
        var tokens = new Dictionary<ushort, ulong>();
        for (int i = 0; i < capacity; i++)
        {
            Span<byte> buffer = rig.Buffer(512);
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, (ulong)i * 3, buffer, out ushort token));
            tokens.Add(token, (ulong)i * 3);
        }

        Assert.Equal(BlockError.QueueFull, Submit(rig, BlockOp.Read, 0, rig.Buffer(512), out _));
        Assert.Equal(128 - 3 * capacity, rig.Driver.FreeDescriptors);
        switch (order)
        {
            case 0:
                rig.Device.CompleteAllPending();                 // newest first
                break;
            case 1:
                rig.Device.CompleteAllPending(new Random(5));    // any order
                break;
            default:
                while (rig.Device.PendingCount != 0)
                {
                    rig.Device.CompletePending(0);               // in order
                }

                break;
        }

        Assert.Equal(capacity, rig.Driver.ReapCompletions());
        var seen = new HashSet<ushort>();
        while (rig.Driver.TryTakeCompleted(out ushort token, out BlockError result))
        {
            Assert.Equal(BlockError.None, result);
            Assert.True(seen.Add(token));
        }

        Assert.Equal(tokens.Keys.Order(), seen.Order());
        Assert.Equal(128, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }

    /// <summary>Many more requests than the ring has slots, up to 24 in flight, completed in random order: the split
    /// ring's 16-bit indexes and the packed ring's wrap counters go round many times; every read returns its own
    /// sectors.</summary>
    [Theory]
    [InlineData(RingKind.ModernSplit, false, 16u)]
    [InlineData(RingKind.ModernPacked, false, 16u)]
    [InlineData(RingKind.ModernPacked, true, 16u)]
    [InlineData(RingKind.ModernPacked, false, 128u)]
    public void RingsWrapManyTimesWithRequestsOutOfOrder(RingKind kind, bool indirect, uint queueSize)
    {
        using var rig = Rings.Rig(kind, CompletionMode.Manual, queueNumMax: queueSize).Started(
            indirect ? VirtioBlkFeatures.Default : Rig.DirectFeatures, 256);
        var random = new Random(11);
        var pool = new Stack<nint>(Pool(rig, 24, 3 * 512));
        var inFlight = new Dictionary<ushort, (ulong Sector, int Sectors, nint Buffer)>();
        int submitted = 0;
        while (submitted < 6000 || inFlight.Count != 0)
        {
            while (submitted < 6000 && inFlight.Count < 24)
            {
                int sectors = random.Next(1, 4);
                ulong sector = (ulong)random.Next(0, 256 - sectors);
                nint buffer = pool.Peek();
                BlockError e = rig.Driver.Submit(BlockOp.Read, sector, (void*)buffer, (uint)sectors * 512, out ushort token);
                if (e == BlockError.None)
                {
                    inFlight.Add(token, (sector, sectors, pool.Pop()));
                    submitted++;
                }

                if (e == BlockError.QueueFull)
                {
                    break;
                }

                Assert.Equal(BlockError.None, e);
            }

            for (int i = random.Next(1, 5); i > 0 && rig.Device.PendingCount != 0; i--)
            {
                rig.Device.CompletePending(random.Next(rig.Device.PendingCount));
            }

            rig.Driver.ReapCompletions();
            while (rig.Driver.TryTakeCompleted(out ushort token, out BlockError result))
            {
                Assert.Equal(BlockError.None, result);
                Assert.True(inFlight.Remove(token, out var request));
                Assert.True(new Span<byte>((void*)request.Buffer, request.Sectors * 512).SequenceEqual(
                    rig.OriginalSectors(request.Sector, request.Sectors)));
                pool.Push(request.Buffer);
            }
        }

        if (kind == RingKind.ModernPacked)
        {
            Assert.True(rig.Device.PackedUsedWraps > 100, $"{rig.Device.PackedUsedWraps} wraps");
            Assert.Equal(indirect, rig.Device.PackedBuffersAcrossTheEnd == 0);   // direct chains cross the ring's end
        }

        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }

    /// <summary>Enqueue without Kick: the device, looking on its own, sees none of the batch; after Kick all of it,
    /// with one notification (2.7.13, 2.8.21.1: a buffer's descriptors are made available only once written, and the
    /// batch at once).</summary>
    [Theory]
    [MemberData(nameof(AllRings))]
    public void ABatchIsInvisibleUntilKickedThenWhole(RingKind kind)
    {
        using var rig = Rings.Rig(kind, CompletionMode.Manual).Started();
        var tokens = new List<ushort>();
        for (int i = 0; i < 5; i++)
        {
            fixed (byte* p = rig.Buffer(1024))
            {
                Assert.Equal(BlockError.None, rig.Driver.Enqueue(BlockOp.Read, (ulong)i, p, 1024, out ushort token));
                tokens.Add(token);
            }
        }

        rig.Device.SuppressNotifications = true;   // the device polls: it may look at any time
        rig.Device.Poll();
        Assert.Equal(0, rig.Device.PendingCount);
        int notifies = rig.Device.NotifyCount;
        rig.Driver.Kick();
        Assert.Equal(notifies, rig.Device.NotifyCount);   // it said it polls
        rig.Device.Poll();
        Assert.Equal(tokens, rig.Device.PendingHeads);
        rig.Device.CompleteAllPending();
        foreach (ushort token in tokens)
        {
            Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        }

        rig.AssertClean();
    }

    /// <summary>EVENT_IDX with a device that asks to hear only every so often (or QEMU's "at the next one"): the
    /// driver notifies exactly when the device asked, never misses one the device needed (the fake records a missed
    /// one as a violation), and a polling device gets none.</summary>
    [Theory]
    [InlineData(RingKind.ModernSplit, 0)]
    [InlineData(RingKind.ModernSplit, 7)]
    [InlineData(RingKind.ModernPacked, 0)]
    [InlineData(RingKind.ModernPacked, 7)]
    [InlineData(RingKind.ModernPacked, 40)]
    public void NotificationsFollowTheDevicesEvent(RingKind kind, int ahead)
    {
        using var rig = Rings.Rig(kind, CompletionMode.Manual, queueNumMax: 64, more: d => d.AvailEventAhead = (ushort)ahead).Started();
        var random = new Random(ahead);
        nint[] pool = Pool(rig, 5, 512);
        for (int round = 0; round < 400; round++)
        {
            int batch = random.Next(1, 6);
            var tokens = new List<ushort>();
            for (int i = 0; i < batch; i++)
            {
                Assert.Equal(BlockError.None, rig.Driver.Enqueue(BlockOp.Read, (ulong)i, (void*)pool[i], 512, out ushort token));
                tokens.Add(token);
            }

            rig.Driver.Kick();
            rig.Device.Poll();   // a device that also looks on its own: what it finds unannounced must not be owed
            rig.Device.CompleteAllPending(random);
            foreach (ushort token in tokens)
            {
                Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
            }
        }

        if (ahead == 0)
        {
            Assert.Equal(0, rig.Device.NeedlessNotifications);
        }
        else
        {
            Assert.True(rig.Device.NotifyCount < 400, $"{rig.Device.NotifyCount} notifications for 400 batches");
        }

        rig.AssertClean();
    }

    /// <summary>Interrupt mode, with and without EVENT_IDX: the driver sleeps only when nothing is used and no
    /// interrupt is lost (the fake wait counts a sleep nothing ended); polling asks for no interrupts at all.</summary>
    [Theory]
    [InlineData(RingKind.ModernSplit, true, true)]
    [InlineData(RingKind.ModernPacked, true, true)]
    [InlineData(RingKind.ModernPacked, true, false)]
    [InlineData(RingKind.ModernPacked, false, true)]
    [InlineData(RingKind.ModernPacked, false, false)]
    public void InterruptsAreAskedForAsTheWaitNeeds(RingKind kind, bool interrupts, bool eventIdx)
    {
        using var rig = Rings.Rig(kind, CompletionMode.Manual, interrupts: interrupts).Started(
            eventIdx ? Rig.DirectFeatures : Rig.DirectFeatures & ~VirtioBlkFeatures.RingEventIdx, 128);
        var random = new Random(2);
        rig.Waiting.OnWait = d =>
        {
            if (d.PendingCount != 0)
            {
                d.CompletePending(random.Next(d.PendingCount));
            }
        };
        nint[] pool = Pool(rig, 8, 512);
        for (int round = 0; round < 300; round++)
        {
            var tokens = new List<ushort>();
            for (int i = random.Next(1, 9); i > 0; i--)
            {
                Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Read, (ulong)i, (void*)pool[i - 1], 512, out ushort token));
                tokens.Add(token);
            }

            foreach (ushort token in tokens.OrderBy(_ => random.Next()))
            {
                Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
            }
        }

        Assert.Equal(0, rig.Waiting.LostWakeups);
        Assert.Equal(0, rig.Waiting.TimeLimitsReached);
        if (!interrupts)
        {
            Assert.Equal(0, rig.Device.InterruptsRaised);
        }
        else
        {
            Assert.True(rig.Device.InterruptsRaised > 0);
        }

        rig.AssertClean();
    }

    /// <summary>A device that never answers: the deadline passes, the driver resets it, fails the requests in flight
    /// with Timeout, sets the queue up again in the same memory (the same ring format) and the disk works at once.</summary>
    [Theory]
    [MemberData(nameof(AllRings))]
    public void ADeviceThatNeverAnswersIsResetAndWorksAgain(RingKind kind)
    {
        using var rig = Rings.Rig(kind, CompletionMode.Never).Started();
        rig.Waiting.Limit = 50;
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 3, buffer, out ushort first));
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Write, 4, rig.Buffer(512), out ushort second));
        Assert.Equal(BlockError.Timeout, rig.Driver.WaitFor(first));
        Assert.True(rig.Driver.TryGetResult(second, out BlockError result));
        Assert.Equal(BlockError.Timeout, result);
        Assert.Equal(1u, rig.Driver.Recoveries);
        Rings.AssertRing(rig, kind);

        rig.Device.Completion = CompletionMode.Immediate;
        for (int i = 0; i < 300; i++)
        {
            Assert.Equal(BlockError.None, rig.Driver.Read((ulong)(i % 200), buffer));
            Assert.True(buffer.SequenceEqual(rig.OriginalSectors((ulong)(i % 200), 1)));
        }

        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }

    /// <summary>Requests completed but not collected survive a restart (Recover), on either ring.</summary>
    [Theory]
    [MemberData(nameof(AllRings))]
    public void ResultsNotCollectedSurviveARecover(RingKind kind)
    {
        using var rig = Rings.Rig(kind, CompletionMode.Manual).Started();
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 1, rig.Buffer(512), out ushort done));
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 2, rig.Buffer(512), out ushort aborted));
        rig.Device.CompleteHead(done);
        Assert.Equal(1, rig.Driver.ReapCompletions());
        Assert.Equal(BlockError.None, rig.Driver.Recover());
        Assert.True(rig.Driver.TryGetResult(aborted, out BlockError result));
        Assert.Equal(BlockError.Aborted, result);
        Assert.True(rig.Driver.TryGetResult(done, out result));
        Assert.Equal(BlockError.None, result);
        Rings.AssertRing(rig, kind);
        rig.Device.Completion = CompletionMode.Immediate;
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(9, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(9, 1)));
        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }
}
