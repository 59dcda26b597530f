using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>Completion by interrupt (virtio 1.x 4.2.2: InterruptStatus and InterruptACK; 2.7.7), DEVICE_NEEDS_RESET
/// (2.1.1) and time limits, with several requests in flight.</summary>
public unsafe class InterruptModeTests
{
    static Rig IrqRig(CompletionMode completion = CompletionMode.Immediate, bool modern = false, int sectors = 64) =>
        new(sectors, interrupts: true, configure: d =>
        {
            d.Completion = completion;
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
    public void InterruptStatusIsReadAndAcknowledged(bool modern)
    {
        using var rig = IrqRig(modern: modern).Started();
        Assert.True(rig.Driver.UsesInterrupts);
        Span<byte> buffer = rig.Buffer(1024);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(BlockError.None, rig.Driver.Read((ulong)i, buffer));
            Assert.True(buffer.SequenceEqual(rig.OriginalSectors((ulong)i, 2)));
            Assert.False(rig.Device.InterruptLine);   // acknowledged: the line is low again
        }

        Assert.Equal(10, rig.Device.InterruptsRaised);   // the driver did not ask for silence
        Assert.True(rig.Device.InterruptAcks >= 10);
        Assert.Equal(0u, rig.Device.InterruptStatus);
        Assert.Equal(0, rig.Waiting.LostWakeups);
        rig.AssertClean();
    }

    [Fact]
    public void TheCallerSleepsUntilTheInterrupt()
    {
        using var rig = IrqRig(CompletionMode.Deferred).Started();
        rig.Device.CompletionDelay = TimeSpan.FromMilliseconds(50);
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(9, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(9, 1)));

        // One wait that slept until the line rose, not a spin: the fake's wait blocks on the line.
        Assert.Equal(1, rig.Waiting.Waits);
        Assert.Equal(1, rig.Waiting.Wakeups);
        Assert.False(rig.Device.InterruptLine);
        rig.AssertClean();
    }

    [Fact]
    public void ACompletionWhileNobodyWaitsIsNotLost()
    {
        using var rig = IrqRig(CompletionMode.Manual).Started();
        rig.Waiting.SleepLimit = TimeSpan.FromMilliseconds(200);
        Span<byte> buffer = rig.Buffer(2048);
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 1, buffer[..512], out ushort a));
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 2, buffer[512..1024], out ushort b));

        // Both complete before anyone waits; the first reap acknowledges the interrupt for both.
        rig.Device.CompleteAllPending();
        Assert.True(rig.Device.InterruptLine);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(a));
        Assert.False(rig.Device.InterruptLine);

        // The second is found through the used ring although its interrupt is long acknowledged.
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(b));
        Assert.Equal(0, rig.Waiting.Waits);
        Assert.True(buffer[..1024].SequenceEqual(rig.OriginalSectors(1, 2)));
        rig.AssertClean();
    }

    [Fact]
    public void ACompletionBetweenTheLookAtInterruptStatusAndTheAcknowledgementIsNotLost()
    {
        // The device completes the request exactly when the driver reads InterruptStatus: a driver that acknowledged
        // after looking at the used ring would clear this interrupt unseen and sleep forever.
        using var rig = IrqRig(CompletionMode.Manual).Started();
        rig.Waiting.SleepLimit = TimeSpan.FromMilliseconds(200);
        rig.Device.OnInterruptStatusRead = d =>
        {
            if (d.PendingCount != 0)
            {
                d.CompletePending(0);
            }
        };
        Span<byte> buffer = rig.Buffer(512);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(BlockError.None, rig.Driver.Read((ulong)i, buffer));
            Assert.True(buffer.SequenceEqual(rig.OriginalSectors((ulong)i, 1)));
        }

        Assert.Equal(0, rig.Waiting.LostWakeups);
        rig.AssertClean();
    }

    [Fact]
    public void ManyRequestsInFlightCompleteByInterruptInAnyOrder()
    {
        using var rig = IrqRig(CompletionMode.Manual, sectors: 256).Started();
        var random = new Random(3);
        rig.Waiting.OnWait = d =>
        {
            // The device completes one to three at a time, in random order.
            for (int n = 1 + random.Next(3); n > 0 && d.PendingCount != 0; n--)
            {
                d.CompletePending(random.Next(d.PendingCount));
            }
        };
        rig.Waiting.SleepLimit = TimeSpan.FromMilliseconds(50);
        Span<byte> buffers = rig.Buffer(40 * 512);
        var sectors = new Dictionary<ushort, (int Slot, ulong Sector)>();
        for (int i = 0; i < 40; i++)
        {
            ulong sector = (ulong)random.Next(256);
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, sector, buffers.Slice(i * 512, 512), out ushort token));
            sectors[token] = (i, sector);
        }

        int done = 0;
        while (done < 40)
        {
            BlockError wait = rig.Driver.WaitForCompletion();
            Assert.Equal(BlockError.None, wait);

            while (rig.Driver.TryTakeCompleted(out ushort token, out BlockError result))
            {
                Assert.Equal(BlockError.None, result);
                var (slot, sector) = sectors[token];
                Assert.True(buffers.Slice(slot * 512, 512).SequenceEqual(rig.OriginalSectors(sector, 1)));
                done++;
            }
        }

        Assert.Equal(0u, rig.Device.InterruptStatus);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DeviceNeedsResetFailsEveryRequestInFlight(bool interrupts)
    {
        using var rig = new Rig(interrupts: interrupts, configure: d =>
        {
            d.Completion = CompletionMode.Manual;
            d.Version = VirtioMmio.VersionModern;
            d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
        }).Started();
        Span<byte> buffer = rig.Buffer(3 * 512);
        buffer.Fill(0x5a);
        var tokens = new ushort[3];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Write, (ulong)i, buffer.Slice(i * 512, 512), out tokens[i]));
        }

        rig.Device.CompletePending(0);   // the first completes normally
        rig.Device.RaiseNeedsReset();    // then the device breaks
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(tokens[0]));
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Driver.WaitFor(tokens[1]));
        Assert.True(rig.Driver.TryGetResult(tokens[2], out BlockError third));
        Assert.Equal(BlockError.DeviceNeedsReset, third);

        // Reset (so it let go of the buffers) and initialised again: the disk works without a new Initialize.
        Assert.True(rig.Driver.IsReady);
        Assert.Equal(1u, rig.Driver.Recoveries);
        Assert.Equal(0, rig.Waiting.TimeLimitsReached);
        Assert.True(rig.Device.ReadBack(1, 2).AsSpan().SequenceEqual(rig.OriginalSectors(1, 2)));
        rig.Device.Completion = CompletionMode.Immediate;
        Assert.Equal(BlockError.None, rig.Driver.Write(1, buffer[..512]));
        Assert.True(rig.Device.ReadBack(1, 1).AsSpan().SequenceEqual(buffer[..512]));
        rig.AssertClean();
    }

    [Fact]
    public void ATimeoutFailsEveryRequestInFlightAndResetsTheDevice()
    {
        using var rig = IrqRig(CompletionMode.Manual).Started();
        rig.Waiting.SleepLimit = TimeSpan.FromMilliseconds(20);   // nothing will ever raise the line
        Span<byte> buffer = rig.Buffer(4 * 512);
        var tokens = new ushort[4];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, (ulong)i, buffer.Slice(i * 512, 512), out tokens[i]));
        }

        Assert.Equal(BlockError.Timeout, rig.Driver.WaitFor(tokens[1]));
        Assert.Equal(2, rig.Waiting.LostWakeups);   // the fake's "forever", twice: the deadline and one more period
        Assert.Equal(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
        Assert.Equal(0, rig.Device.PendingCount);    // the reset dropped them
        Assert.Equal(0, rig.Driver.InFlight);
        foreach (ushort token in new[] { tokens[0], tokens[2], tokens[3] })
        {
            Assert.Equal(BlockError.Timeout, rig.Driver.WaitFor(token));
        }

        rig.Device.Completion = CompletionMode.Immediate;
        Assert.Equal(BlockError.None, rig.Driver.Read(0, buffer[..512]));   // initialised again: works
        rig.AssertClean();
    }

    [Fact]
    public void WaitForCompletionReportsTheTimeLimit()
    {
        using var rig = new Rig(configure: d => d.Completion = CompletionMode.Never).Started();
        rig.Waiting.Limit = 100;
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 0, rig.Buffer(512), out ushort token));
        Assert.Equal(BlockError.Timeout, rig.Driver.WaitForCompletion());
        Assert.True(rig.Driver.TryTakeCompleted(out ushort failed, out BlockError result));
        Assert.Equal((token, BlockError.Timeout), (failed, result));
        rig.AssertClean();
    }

    [Fact]
    public void PollingNoticesDeviceNeedsResetWithoutWaitingForTheTimeLimit()
    {
        using var rig = new Rig(configure: d =>
        {
            d.Completion = CompletionMode.Manual;
            d.Version = VirtioMmio.VersionModern;
            d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
        }).Started();
        rig.Waiting.Limit = 1_000_000;
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 0, rig.Buffer(512), out ushort token));
        rig.Device.RaiseNeedsReset();
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Driver.WaitFor(token));
        Assert.True(rig.Waiting.Waits < 10_000);
        Assert.Equal(0, rig.Device.InterruptAcks);   // polling never touches InterruptStatus
        rig.AssertClean();
    }

    [Fact]
    public void TheWaitCanBeSwitchedBetweenRequests()
    {
        using var rig = new Rig().Started();
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(0, buffer));
        Assert.Equal(0, rig.Device.InterruptsRaised);
        var irq = new FakeWaitState(rig.Device) { Interrupts = true };
        rig.Driver.CompletionWait = new FakeWait(irq);
        Assert.True(rig.Driver.UsesInterrupts);
        Assert.Equal(BlockError.None, rig.Driver.Read(1, buffer));
        Assert.Equal(1, rig.Device.InterruptsRaised);
        Assert.Equal(0u, rig.Device.InterruptStatus);
        rig.AssertClean();
    }
}
