using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>What the fuzzer (fuzz/, driver target) found, each as a regular test: the smallest case of it, written out
/// by hand. fuzz/README.md lists the findings and the inputs that found them (fuzz/findings/).</summary>
public class FuzzFindingsTests
{
    /// <summary>The fake, not the driver: a reset held back (ResetNeverCompletes) while Status already read 0 finished
    /// later, after the driver had initialised the device again, and dropped its queue under it; the next request then
    /// timed out. A device at Status 0 now resets at once.</summary>
    [Fact]
    public void AHeldResetOfADeviceAlreadyAtStatusZeroDoesNotWipeTheNextInitialisation()
    {
        using var rig = new Rig(configure: d =>
        {
            d.Version = VirtioMmio.VersionModern;
            d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            d.Completion = CompletionMode.Manual;
        }).Started();
        rig.Device.ResetNeverCompletes = true;
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Driver.Recover());   // the reset is held: stuck
        rig.Device.FinishReset();                                          // it completes: Status 0
        rig.Device.ResetNeverCompletes = true;                             // and the next one would be held again
        Assert.Equal(BlockError.None, rig.Driver.Recover());
        rig.Device.FinishReset();
        rig.Waiting.OnWait = d => d.CompleteAllPending();
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(0, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(0, 1)));
        rig.AssertClean();
    }

    /// <summary>A device that offers SEG_MAX and says 0: the driver took it as no limit and sent three data descriptors;
    /// it now sends one, as Linux does (a request needs one segment to carry data).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ASegMaxOfZeroAllowsOneSegmentPerRequest(bool modern)
    {
        using var rig = new Rig(configure: d =>
        {
            d.SegMax = 0;
            d.SizeMax = 1024;
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures | VirtioBlkFeatures.SizeMax;
            }
            else
            {
                d.HostFeatures |= VirtioBlkFeatures.SizeMax;
            }
        }).Started();
        Assert.Equal(1, rig.Driver.MaxSegments);
        Assert.Equal(BlockError.None, rig.Driver.Read(0, rig.Buffer(1024)));
        Assert.Equal(BlockError.BadBuffer, rig.Driver.Read(0, rig.Buffer(2048)));   // two pieces of size_max
        Assert.Equal(1, rig.Device.MaxDataDescriptors);
        rig.AssertClean();
    }

    /// <summary>Found by the driver fuzz target once it sent discards (after DISCARD and WRITE_ZEROES landed): a device
    /// with size_max 1 got a 16-byte descriptor, the one that carries a discard's segments. The segments now count
    /// against size_max like any data: 16 bytes each, so size_max 40 carries two per request and size_max 8 none
    /// (refused before the device sees anything).</summary>
    [Theory]
    [InlineData(false, 40u, 2)]
    [InlineData(true, 40u, 2)]
    [InlineData(false, 8u, 0)]
    [InlineData(true, 1u, 0)]
    public void DiscardSegmentsFitSizeMax(bool modern, uint sizeMax, int perRequest)
    {
        using var rig = new Rig(configure: d =>
        {
            d.SizeMax = sizeMax;
            d.MaxDiscardSeg = 8;
            d.MaxWriteZeroesSeg = 8;
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures | VirtioBlkFeatures.SizeMax;
            }
            else
            {
                d.HostFeatures |= VirtioBlkFeatures.SizeMax;
            }
        }).Started();
        Assert.Equal(perRequest, rig.Driver.RangeSegmentsPerRequest(BlockOp.Discard));
        Assert.Equal(perRequest, rig.Driver.RangeSegmentsPerRequest(BlockOp.WriteZeroes));
        BlockRange[] ranges = [new(1, 1), new(3, 1), new(5, 1)];
        Assert.Equal(BlockError.BadBuffer, rig.Driver.SubmitDiscard(ranges, out _));
        if (perRequest > 0)
        {
            Assert.Equal(BlockError.None, rig.Driver.SubmitDiscard(ranges.AsSpan(0, perRequest), out ushort token));
            Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
            Assert.Equal(BlockError.None, rig.Driver.Discard(1, 5));
        }
        else
        {
            Assert.NotEqual(BlockError.None, rig.Driver.Discard(1, 5));
        }

        rig.AssertClean();
    }

    /// <summary>A device that sets DEVICE_NEEDS_RESET at DRIVER_OK: the driver sets FAILED and, since it may not clear a
    /// status bit (2.1.1), writes DEVICE_NEEDS_RESET back with it. The fake took that for the driver setting the bit.</summary>
    [Fact]
    public void FailedIsAddedWithoutClearingDeviceNeedsReset()
    {
        using var rig = new Rig(configure: d => d.NeedsResetOnDriverOk = true);
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Initialize());
        Assert.Equal(VirtioDeviceStatus.DeviceNeedsReset | VirtioDeviceStatus.Failed, rig.Device.StatusWrites[^1] & (VirtioDeviceStatus.DeviceNeedsReset | VirtioDeviceStatus.Failed));
        rig.AssertClean();
    }

    /// <summary>The fake, not the driver (fuzz/findings/driver/packed-own-used-write-over-available-slot.bin): on the
    /// packed ring, a used descriptor of the device's own invention moves its used position where the driver does not
    /// follow, so its next one can land on a slot of a buffer the driver made available and the device has not read.
    /// Reading that buffer, the fake found its own writing and blamed the driver (2.8.6). It now knows what it wrote
    /// over slots it did not hold and stops there, as a device that broke its ring: the request times out, and
    /// <c>Recover</c> gives a fresh ring on which the disk works.</summary>
    [Fact]
    public void APackedDeviceMeetingItsOwnUsedDescriptorInABufferDoesNotBlameTheDriver()
    {
        using var rig = Rings.Rig(RingKind.ModernPacked, CompletionMode.Manual, sectors: 64, queueNumMax: 16, more: d =>
        {
            d.HostFeatures &= ~VirtioFeatures.IndirectDesc;   // a request takes three slots: header, data, status
            d.SuppressNotifications = true;                   // the device reads the ring only when it polls
        }).Started();
        Assert.True(rig.Driver.UsesPackedRing);
        var ledger = new CompletionLedger();
        rig.Device.Poll();   // nothing to read yet; the device publishes DISABLE, so the driver will not notify

        // A used descriptor the driver does not take as used (flags 0 under wrap counter 1): the device moves on to
        // slot 1, the driver stays at slot 0.
        Assert.True(rig.Device.PublishRawPackedUsed(77, 0, 0, rawFlags: true));
        Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 1, rig.Buffer(512), out _));
        Assert.Equal(0, rig.Device.PendingCount);
        // The next one lands on slot 1, the data descriptor of the buffer the driver just made available.
        Assert.True(rig.Device.PublishRawPackedUsed(78, 0, 0, rawFlags: true));
        rig.Device.Poll();
        Assert.Equal(1, rig.Device.PackedOwnWritesMet);
        Assert.Equal(0, rig.Device.PendingCount);
        rig.AssertClean();

        Assert.Equal(BlockError.None, rig.Driver.Recover());
        Assert.Equal(1, ledger.Drain(rig));
        Assert.NotEqual(BlockError.None, ledger.Completions[0].Result);
        rig.Device.SuppressNotifications = false;
        rig.Device.Completion = CompletionMode.Immediate;
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(5, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(5, 1)));
        ledger.AssertAllCompleted();
        rig.AssertClean();
    }
}
