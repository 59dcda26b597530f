using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>Batched submission (one avail->idx update and one notification for many requests), VIRTIO_F_EVENT_IDX
/// (2.7.7, 2.7.10: used_event, avail_event and the wrap-safe comparison) and VIRTIO_F_INDIRECT_DESC (2.7.5.3), against
/// the fake device, which checks the spec's MUST rules for them: no notification owed and not sent, avail->flags 0 with
/// EVENT_IDX, no INDIRECT without the feature, never INDIRECT with NEXT or inside a table, no table longer than the
/// queue.</summary>
public unsafe class RingFeatureTests
{
    static Rig ManualRig(bool modern = false, bool interrupts = false, uint queueNumMax = 128, Action<FakeVirtioBlkDevice>? more = null) =>
        new(256, arenaBytes: 8 << 20, interrupts: interrupts, configure: d =>
        {
            d.Completion = CompletionMode.Manual;
            d.QueueNumMax = queueNumMax;
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            }

            more?.Invoke(d);
        });

    static BlockError Enqueue(Rig rig, ulong sector, Span<byte> data, out ushort token)
    {
        fixed (byte* p = data)
        {
            return rig.Driver.Enqueue(BlockOp.Read, sector, p, (uint)data.Length, out token);
        }
    }

    static BlockError Submit(Rig rig, ulong sector, Span<byte> data, out ushort token)
    {
        fixed (byte* p = data)
        {
            return rig.Driver.Submit(BlockOp.Read, sector, p, (uint)data.Length, out token);
        }
    }

    [Fact]
    public void TheWrapSafeComparisonAgreesWithTheSpecsWordsEverywhere()
    {
        // 2.7.10: moving the index from old to new passes event when some entry in [old, new) sits at event. The fake
        // device's NeedEvent walks the entries one by one; the driver's must agree, across the wrap at 65536.
        ushort[] starts = [0, 1, 100, 32767, 32768, 65000, 65530, 65534, 65535];
        foreach (ushort old in starts)
        {
            for (int moved = 0; moved <= 40; moved++)
            {
                ushort now = (ushort)(old + moved);
                for (int offset = -50; offset <= 50; offset++)
                {
                    ushort eventIdx = (ushort)(old + offset);
                    Assert.True(FakeVirtioBlkDevice.NeedEvent(eventIdx, now, old) == SplitVirtqueue.NeedEvent(eventIdx, now, old),
                        $"event {eventIdx}, old {old}, new {now}");
                }
            }
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void ABatchIsPublishedWithOneIndexUpdateAndOneNotification(bool modern, bool eventIdx)
    {
        using var rig = ManualRig(modern).Started(eventIdx ? Rig.DirectFeatures : Rig.DirectFeatures & ~VirtioBlkFeatures.RingEventIdx, 128);
        var tokens = new List<ushort>();
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(BlockError.None, Enqueue(rig, (ulong)i, rig.Buffer(512), out ushort token));
            tokens.Add(token);
        }

        // Queued, not published: the device sees nothing and was not told.
        Assert.Equal(0, rig.Device.NotifyCount);
        rig.Device.Poll();
        Assert.Equal(0, rig.Device.PendingCount);
        Assert.Equal(16, rig.Driver.InFlight);

        rig.Driver.Kick();
        Assert.Equal(1, rig.Device.NotifyCount);
        Assert.Equal(16, rig.Device.PendingCount);
        VirtioBlkCounters counters = rig.Driver.Counters;
        Assert.Equal(16ul, counters.Requests);
        Assert.Equal(1ul, counters.Publishes);
        Assert.Equal(1ul, counters.Notifications);

        // A kick with nothing queued does nothing.
        rig.Driver.Kick();
        Assert.Equal(1, rig.Device.NotifyCount);

        rig.Device.CompleteAllPending(new Random(3));
        var ledger = new CompletionLedger();
        foreach (ushort token in tokens)
        {
            ledger.Submitted(token);
        }

        rig.Driver.ReapCompletions();
        ledger.Drain(rig);
        ledger.AssertAllCompleted();
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AWaitPublishesWhatWasQueued(bool modern)
    {
        using var rig = ManualRig(modern, more: d => d.Completion = CompletionMode.Immediate).Started();
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, Enqueue(rig, 5, buffer, out ushort token));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));   // kicks first: no hang
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(5, 1)));
        Assert.Equal(1, rig.Device.NotifyCount);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 4)]
    [InlineData(true, 7)]
    public void WithEventIdxTheDriverNotifiesExactlyWhenAvailEventIsPassed(bool modern, int ahead)
    {
        // The device puts avail_event `ahead` entries past the last it took; every look it takes without a
        // notification checks that none was owed (2.7.10), and every notification that was not needed is counted.
        using var rig = ManualRig(modern, more: d => d.AvailEventAhead = (ushort)ahead).Started();
        Assert.NotEqual(0ul, rig.Driver.AcceptedFeatures & VirtioBlkFeatures.RingEventIdx);
        var ledger = new CompletionLedger();
        for (int round = 0; round < 40; round++)
        {
            Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, (ulong)(round % 64), rig.Buffer(512), out _));
            rig.Device.Poll();   // the device looks on its own too: a notification owed shows up here
            if (round % 5 == 4)
            {
                rig.Device.CompleteAllPending();
                rig.Driver.ReapCompletions();
                ledger.Drain(rig);
            }
        }

        rig.Device.CompleteAllPending();
        rig.Driver.ReapCompletions();
        ledger.Drain(rig);
        ledger.AssertAllCompleted();
        Assert.Equal(0, rig.Device.NeedlessNotifications);
        Assert.True(rig.Device.NotifyCount < 40 || ahead == 0, $"{rig.Device.NotifyCount} notifications for 40 requests");
        Assert.Equal((ulong)rig.Device.NotifyCount, rig.Driver.Counters.Notifications);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WithEventIdxACompletedBatchRaisesOneInterrupt(bool modern)
    {
        using var rig = ManualRig(modern, interrupts: true).Started();
        var ledger = new CompletionLedger();
        for (int round = 0; round < 10; round++)
        {
            for (int i = 0; i < 8; i++)
            {
                Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, (ulong)i, rig.Buffer(512), out _));
            }

            int raised = rig.Device.InterruptsRaised;
            rig.Device.CompleteAllPending(new Random(round));   // eight used buffers before the driver looks
            Assert.Equal(raised + 1, rig.Device.InterruptsRaised);   // used_event was passed once
            Assert.Equal(BlockError.None, rig.Driver.WaitForCompletion());
            ledger.Drain(rig);
        }

        ledger.AssertAllCompleted();
        Assert.Equal(10ul, rig.Driver.Counters.Interrupts);
        Assert.Equal(70, rig.Device.InterruptsSuppressed);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ACompletionBetweenTheLookAndTheNewUsedEventIsNotSleptThrough(bool modern)
    {
        // The device completes one request while the driver waits; with EVENT_IDX the driver must have moved
        // used_event to its own index before sleeping, or no interrupt comes (the wait's sleep limit would fail it).
        using var rig = ManualRig(modern, interrupts: true).Started();
        var ledger = new CompletionLedger();
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, (ulong)i, rig.Buffer(512), out _));
        }

        rig.Waiting.OnWait = d =>
        {
            if (d.PendingCount != 0)
            {
                d.CompletePending(0);
            }
        };

        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(BlockError.None, rig.Driver.WaitForCompletion());
            ledger.Drain(rig);
        }

        ledger.AssertAllCompleted();
        Assert.Equal(0, rig.Waiting.LostWakeups);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APollingDriverWithEventIdxAsksForNoInterrupts(bool modern)
    {
        using var rig = ManualRig(modern, more: d => d.Completion = CompletionMode.Immediate).Started();
        for (int i = 0; i < 300; i++)
        {
            Assert.Equal(BlockError.None, rig.Driver.Read((ulong)(i % 64), rig.Buffer(512)));
        }

        Assert.Equal(0, rig.Device.InterruptsRaised);
        Assert.Equal(300, rig.Device.InterruptsSuppressed);
        rig.AssertClean();   // includes avail->flags == 0 with EVENT_IDX (2.7.7.1)
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void WithIndirectDescriptorsAQueueHoldsOneRequestPerEntry(bool modern, bool interrupts)
    {
        using var rig = ManualRig(modern, interrupts).Started(VirtioBlkFeatures.Default, 128);
        Assert.NotEqual(0ul, rig.Driver.AcceptedFeatures & VirtioBlkFeatures.RingIndirectDesc);
        var ledger = new CompletionLedger();
        var buffers = new Dictionary<ushort, (ulong Sector, byte[] Buffer)>();
        // 128 requests of three segments each (five descriptors): one ring entry each.
        BlockSegment* segments = stackalloc BlockSegment[3];
        for (int i = 0; i < 128; i++)
        {
            Span<byte> a = rig.Buffer(512), b = rig.Buffer(1024), c = rig.Buffer(512);
            fixed (byte* pa = a, pb = b, pc = c)
            {
                segments[0] = new BlockSegment(pa, 512);
                segments[1] = new BlockSegment(pb, 1024);
                segments[2] = new BlockSegment(pc, 512);
            }

            Assert.Equal(1, rig.Driver.DescriptorsFor(new ReadOnlySpan<BlockSegment>(segments, 3)));
            Assert.Equal(BlockError.None, rig.Driver.Enqueue(BlockOp.Read, (ulong)(i % 60), new ReadOnlySpan<BlockSegment>(segments, 3), out ushort token));
            ledger.Submitted(token);
        }

        Assert.Equal(0, rig.Driver.FreeDescriptors);
        Assert.Equal(BlockError.QueueFull, Enqueue(rig, 0, rig.Buffer(512), out _));
        rig.Driver.Kick();
        Assert.Equal(128, rig.Device.PendingCount);
        rig.Device.CompleteAllPending(new Random(5));
        Assert.Equal(128, rig.Device.IndirectRequests);
        rig.Driver.ReapCompletions();
        ledger.Drain(rig);
        ledger.AssertAllCompleted();
        Assert.Equal(128, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }

    [Fact]
    public void ARequestLargerThanAnIndirectTableGoesAsADirectChain()
    {
        // A 1024-entry queue has tables of 16 descriptors: 20 segments (22 descriptors) take 22 ring entries.
        using var rig = ManualRig(queueNumMax: 1024, more: d => d.Completion = CompletionMode.Immediate).Started(VirtioBlkFeatures.Default, 1024);
        Assert.Equal(16, Virtqueue.IndirectEntries(1024));
        Span<byte> data = rig.Buffer(20 * 512);
        BlockSegment* segments = stackalloc BlockSegment[20];
        fixed (byte* p = data)
        {
            for (int i = 0; i < 20; i++)
            {
                segments[i] = new BlockSegment(p + i * 512, 512);
            }
        }

        var list = new ReadOnlySpan<BlockSegment>(segments, 20);
        Assert.Equal(22, rig.Driver.DescriptorsFor(list));
        Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Read, 3, list, out ushort token));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.True(data.SequenceEqual(rig.OriginalSectors(3, 20)));
        Assert.Equal(0, rig.Device.IndirectRequests);

        // Fourteen segments fit a table.
        Assert.Equal(1, rig.Driver.DescriptorsFor(list[..14]));
        Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Read, 30, list[..14], out token));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.Equal(1, rig.Device.IndirectRequests);
        Assert.True(data[..(14 * 512)].SequenceEqual(rig.OriginalSectors(30, 14)));
        rig.AssertClean();
    }

    [Fact]
    public void IndirectWritesLandOnTheDisk()
    {
        using var rig = ManualRig(more: d => d.Completion = CompletionMode.Immediate).Started(VirtioBlkFeatures.Default, 128);
        byte[] expected = new byte[2048];
        new Random(9).NextBytes(expected);
        Span<byte> data = rig.Buffer(2048);
        expected.CopyTo(data);
        BlockSegment* segments = stackalloc BlockSegment[2];
        fixed (byte* p = data)
        {
            segments[0] = new BlockSegment(p, 1536);
            segments[1] = new BlockSegment(p + 1536, 512);
        }

        Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Write, 10, new ReadOnlySpan<BlockSegment>(segments, 2), out ushort token));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.Equal(expected, rig.Device.ReadBack(10, 4));
        Assert.Equal(1, rig.Device.IndirectRequests);
        rig.AssertClean();
    }
}
