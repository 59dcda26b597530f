using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The asynchronous API: many requests in flight, a full queue, completions in any order, tokens, the free
/// list, and the ring indexes wrapping (virtio 1.x 2.7.13, 2.7.14).</summary>
public unsafe class AsyncQueueTests
{
    const ushort NoToken = VirtioBlk<FakeRegisters, TestDma, FakeWait>.NoToken;

    static Rig ManualRig(int sectors = 256, uint queueNumMax = 256, bool interrupts = false, bool modern = false) =>
        new(sectors, arenaBytes: 4 << 20, interrupts: interrupts, configure: d =>
        {
            d.Completion = CompletionMode.Manual;
            d.QueueNumMax = queueNumMax;
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            }
        });

    static BlockError Submit(Rig rig, BlockOp op, ulong sector, Span<byte> data, out ushort token)
    {
        fixed (byte* p = data)
        {
            return rig.Driver.Submit(op, sector, p, (uint)data.Length, out token);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FillsTheQueueWithRequestsInFlight(bool modern)
    {
        using var rig = ManualRig(modern: modern).Started();
        Assert.Equal((ushort)128, rig.Driver.QueueSize);
        int capacity = 128 / 3;   // three descriptors per one-segment request
        var tokens = new List<ushort>();
        var buffers = new List<byte[]>();
        for (int i = 0; i < capacity; i++)
        {
            Span<byte> buffer = rig.Buffer(512);
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, (ulong)i, buffer, out ushort token));
            Assert.DoesNotContain(token, tokens);
            tokens.Add(token);
        }

        Assert.Equal(capacity, rig.Driver.InFlight);
        Assert.Equal(capacity, rig.Device.PendingCount);
        Assert.Equal(128 - 3 * capacity, rig.Driver.FreeDescriptors);

        // Nothing completes until the device says so.
        Assert.Equal(0, rig.Driver.ReapCompletions());
        foreach (ushort token in tokens)
        {
            Assert.False(rig.Driver.TryGetResult(token, out _));
        }

        rig.Device.CompleteAllPending(new Random(1));
        Assert.Equal(capacity, rig.Driver.ReapCompletions());
        Assert.Equal(0, rig.Driver.InFlight);
        Assert.Equal(capacity, rig.Driver.CompletedCount);
        foreach (ushort token in tokens)
        {
            Assert.True(rig.Driver.TryGetResult(token, out BlockError result));
            Assert.Equal(BlockError.None, result);
        }

        Assert.Equal(128, rig.Driver.FreeDescriptors);
        Assert.Equal(0, rig.Driver.CompletedCount);
        Assert.Equal(capacity, rig.Device.MaxPending);
        rig.AssertClean();
    }

    [Fact]
    public void AFullQueueRefusesWithQueueFullAndLosesNothing()
    {
        using var rig = ManualRig(sectors: 64, queueNumMax: 16).Started();
        Span<byte> data = rig.Buffer(6 * 512);
        var tokens = new List<ushort>();
        for (int i = 0; i < 5; i++)   // 15 of 16 descriptors
        {
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, (ulong)i, data.Slice(i * 512, 512), out ushort token));
            tokens.Add(token);
        }

        int notifies = rig.Device.NotifyCount;
        Assert.Equal(BlockError.QueueFull, Submit(rig, BlockOp.Read, 5, data.Slice(5 * 512, 512), out ushort refused));
        Assert.Equal(NoToken, refused);
        Assert.Equal(BlockError.QueueFull, rig.Driver.Read(5, data.Slice(5 * 512, 512)));   // the blocking path too
        Assert.Equal(BlockError.QueueFull, rig.Driver.Flush());
        Assert.Equal(notifies, rig.Device.NotifyCount);
        Assert.Equal(5, rig.Driver.InFlight);
        Assert.Equal(1, rig.Driver.FreeDescriptors);

        // Completing one makes room only once its result is collected (its descriptors are held until then).
        rig.Device.CompleteHead(tokens[2]);
        Assert.Equal(1, rig.Driver.ReapCompletions());
        Assert.Equal(BlockError.QueueFull, Submit(rig, BlockOp.Read, 5, data.Slice(5 * 512, 512), out _));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(tokens[2]));
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 5, data.Slice(5 * 512, 512), out ushort sixth));
        tokens[2] = sixth;

        rig.Device.CompleteAllPending();
        foreach (ushort token in tokens)
        {
            Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        }

        Assert.True(data.SequenceEqual(rig.OriginalSectors(0, 6)));
        Assert.Equal(6, rig.Device.Requests.Count);
        rig.AssertClean();
    }

    [Fact]
    public void CompletionsOutOfOrderCarryTheRightTokens()
    {
        using var rig = ManualRig().Started();
        var random = new Random(42);
        var expected = new Dictionary<ushort, (ulong Sector, byte[] Buffer)>();
        Span<byte> all = rig.Buffer(40 * 1024);
        for (int i = 0; i < 40; i++)
        {
            ulong sector = (ulong)random.Next(0, 250);
            Span<byte> buffer = all.Slice(i * 1024, 1024);
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, sector, buffer, out ushort token));
            expected.Add(token, (sector, buffer.ToArray()));
        }

        // The device completes them in a shuffled order; the driver reports them in that order.
        ushort[] order = [.. rig.Device.PendingHeads.OrderBy(_ => random.Next())];
        foreach (ushort head in order)
        {
            rig.Device.CompleteHead(head);
        }

        Assert.Equal(40, rig.Driver.ReapCompletions());
        var seen = new List<ushort>();
        while (rig.Driver.TryTakeCompleted(out ushort token, out BlockError result))
        {
            Assert.Equal(BlockError.None, result);
            seen.Add(token);
        }

        Assert.Equal(order, seen);
        for (int i = 0; i < 40; i++)
        {
            ushort token = seen[i];
            int slot = expected.Keys.ToList().IndexOf(token);
            Assert.True(all.Slice(slot * 1024, 1024).SequenceEqual(rig.OriginalSectors(expected[token].Sector, 2)), $"token {token}");
        }

        rig.AssertClean();
    }

    [Fact]
    public void ResultsCanBeCollectedInAnyOrderAndOnlyOnce()
    {
        using var rig = ManualRig().Started();
        Span<byte> buffer = rig.Buffer(4 * 512);
        var tokens = new ushort[4];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, (ulong)i, buffer.Slice(i * 512, 512), out tokens[i]));
        }

        // IOERR for the second and UNSUPP for the third: distinct errors for distinct requests in flight together.
        rig.Device.CompletePending(0);
        rig.Device.ForcedStatus = VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
        rig.Device.CompletePending(0);
        rig.Device.ForcedStatus = VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP;
        rig.Device.CompletePending(0);
        rig.Device.ForcedStatus = null;
        rig.Device.CompletePending(0);
        rig.Driver.ReapCompletions();

        Assert.True(rig.Driver.TryGetResult(tokens[2], out BlockError third));
        Assert.Equal(BlockError.Unsupported, third);
        Assert.True(rig.Driver.TryTakeCompleted(out ushort first, out BlockError firstResult));
        Assert.Equal((tokens[0], BlockError.None), (first, firstResult));
        Assert.Equal(BlockError.IoError, rig.Driver.WaitFor(tokens[1]));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(tokens[3]));
        Assert.False(rig.Driver.TryTakeCompleted(out _, out _));

        // A collected token names nothing any more; neither does one never handed out.
        Assert.True(rig.Driver.TryGetResult(tokens[2], out BlockError again));
        Assert.Equal(BlockError.BadToken, again);
        Assert.Equal(BlockError.BadToken, rig.Driver.WaitFor(tokens[0]));
        Assert.Equal(BlockError.BadToken, rig.Driver.WaitFor(NoToken));
        Assert.Equal(BlockError.BadToken, rig.Driver.WaitFor(rig.Driver.QueueSize));
        Assert.Equal(128, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }

    [Fact]
    public void WaitForCompletesPendingRequestsThroughTheWait()
    {
        using var rig = ManualRig().Started();
        rig.Waiting.OnWait = d => d.CompletePending(d.PendingCount - 1);   // newest first, one per wait
        Span<byte> buffer = rig.Buffer(8 * 512);
        var tokens = new ushort[8];
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, (ulong)(8 * i), buffer.Slice(i * 512, 512), out tokens[i]));
        }

        // Waiting for the oldest completes all the others first; they stay collectable.
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(tokens[0]));
        Assert.Equal(7, rig.Driver.CompletedCount);
        Assert.Equal(BlockError.None, rig.Driver.WaitForCompletion());
        for (int i = 1; i < 8; i++)
        {
            Assert.Equal(BlockError.None, rig.Driver.WaitFor(tokens[i]));
        }

        for (int i = 0; i < 8; i++)
        {
            Assert.True(buffer.Slice(i * 512, 512).SequenceEqual(rig.OriginalSectors((ulong)(8 * i), 1)));
        }

        Assert.Equal(BlockError.None, rig.Driver.WaitForCompletion());   // nothing in flight: at once
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void TheRingIndexesWrapWithManyRequestsInFlightOutOfOrder(bool modern, bool interrupts)
    {
        // 70,000 requests, up to 32 in flight, completed in random order: avail->idx and used->idx wrap at 65,536.
        using var rig = ManualRig(sectors: 64, modern: modern, interrupts: interrupts).Started();
        var random = new Random(9);
        rig.Waiting.OnWait = d =>
        {
            if (d.PendingCount != 0)
            {
                d.CompletePending(random.Next(d.PendingCount));
            }
        };

        const int Total = 70_000;
        const int Depth = 32;
        Span<byte> buffers = rig.Buffer(Depth * 512);
        var inFlight = new Dictionary<ushort, (int Slot, ulong Sector)>();
        var freeSlots = new Stack<int>(Enumerable.Range(0, Depth));
        int submitted = 0;
        int completed = 0;
        while (completed < Total)
        {
            while (submitted < Total && freeSlots.Count != 0)
            {
                int slot = freeSlots.Pop();
                ulong sector = (ulong)(submitted % 64);
                Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, sector, buffers.Slice(slot * 512, 512), out ushort token));
                inFlight.Add(token, (slot, sector));
                submitted++;
            }

            Assert.Equal(BlockError.None, rig.Driver.WaitForCompletion());
            while (rig.Driver.TryTakeCompleted(out ushort token, out BlockError result))
            {
                Assert.Equal(BlockError.None, result);
                (int slot, ulong sector) = inFlight[token];
                inFlight.Remove(token);
                if (completed % 997 == 0 || completed >= 65_500 && completed <= 65_600)
                {
                    Assert.True(buffers.Slice(slot * 512, 512).SequenceEqual(rig.OriginalSectors(sector, 1)), $"request {completed}");
                }

                freeSlots.Push(slot);
                completed++;
            }
        }

        Assert.Equal(Total, rig.Device.RequestCount);
        Assert.Equal(unchecked((ushort)Total), rig.Device.UsedIdx);
        Assert.Equal(Depth, rig.Device.MaxPending);
        Assert.Equal(128, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }

    [Fact]
    public void WritesInFlightTogetherAllLand()
    {
        using var rig = ManualRig(sectors: 128).Started();
        var random = new Random(5);
        Span<byte> data = rig.Buffer(128 * 512);
        random.NextBytes(data);
        var tokens = new List<ushort>();
        for (int i = 0; i < 32; i++)   // 32 writes of 4 sectors: the whole disk
        {
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Write, (ulong)(4 * i), data.Slice(i * 2048, 2048), out ushort token));
            tokens.Add(token);
        }

        rig.Device.CompleteAllPending(random);
        foreach (ushort token in tokens)
        {
            Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        }

        // Then a flush (two descriptors: header and status), in flight like any other request.
        Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Flush, 0, null, 0, out ushort flush));
        Assert.Equal(0, rig.Device.FlushCount);
        rig.Device.CompleteAllPending();
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(flush));
        Assert.Equal(1, rig.Device.FlushCount);
        Assert.Equal(data.ToArray(), rig.Device.Disk);
        rig.AssertClean();
    }

    [Fact]
    public void TheDriverDoesNotNotifyADeviceThatSaysItNeedNot()
    {
        using var rig = new Rig(configure: d => d.SuppressNotifications = true).Started();
        rig.Device.Poll();   // the device publishes VIRTQ_USED_F_NO_NOTIFY
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 7, buffer, out ushort token));
        Assert.Equal(0, rig.Device.NotifyCount);
        Assert.False(rig.Driver.TryGetResult(token, out _));
        rig.Device.Poll();
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(7, 1)));

        // When the device clears the flag the driver notifies again (2.7.10: it must).
        rig.Device.SuppressNotifications = false;
        rig.Device.Poll();
        Assert.Equal(BlockError.None, rig.Driver.Read(8, buffer));
        Assert.Equal(1, rig.Device.NotifyCount);
        rig.AssertClean();
    }
}
