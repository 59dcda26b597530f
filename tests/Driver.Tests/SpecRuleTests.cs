using System.Runtime.Intrinsics.RiscV;
using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The virtio 1.2 MUST rules issue 12 found broken, one test each (each failed on the driver before the fix):
/// 4.2.3.1.1 (DeviceID 0, an unknown version: touch nothing), 4.2.2.2 (acknowledge only defined interrupt bits),
/// 5.2.6.1 (requests checked against the current capacity), 5.2.6.3 (a legacy device's larger used length ignored),
/// 3.3.1 (no buffer handed back before a reset completed), 2.5.1 (every field read inside one ConfigGeneration), and
/// the fence between the InterruptACK write and the look at the used ring.</summary>
public unsafe class SpecRuleTests
{
    static Rig MakeRig(bool modern, bool interrupts = false, CompletionMode completion = CompletionMode.Immediate, int sectors = 64) =>
        new(sectors, interrupts: interrupts, configure: d =>
        {
            d.Completion = completion;
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            }
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DeviceIdZeroIsLeftUntouched(bool modern)
    {
        using var rig = MakeRig(modern);
        rig.Device.DeviceId = 0;
        Assert.Equal(BlockError.NoDevice, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);   // 4.2.3.1.1: no error indicated, nothing written
        rig.AssertClean();
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(3u)]
    [InlineData(0xffffffffu)]
    public void UnknownVersionIsLeftUntouched(uint version)
    {
        using var rig = MakeRig(modern: false);
        rig.Device.Version = version;
        Assert.Equal(BlockError.UnsupportedVersion, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);
    }

    [Fact]
    public void AnotherDeviceTypeIsLeftUntouched()
    {
        using var rig = MakeRig(modern: false);
        rig.Device.DeviceId = 1;   // a network card: another driver's
        Assert.Equal(BlockError.NotBlockDevice, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InterruptAckWritesOnlyTheDefinedBits(bool modern)
    {
        using var rig = MakeRig(modern, interrupts: true).Started();
        rig.Device.UndefinedInterruptBits = 0xffff_fffc;
        Span<byte> buffer = rig.Buffer(512);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(BlockError.None, rig.Driver.Read((ulong)i, buffer));
        }

        Assert.True(rig.Device.InterruptAcks >= 4);
        rig.AssertClean();   // the device records "InterruptACK acknowledges bits that do not exist"
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void RequestsAreCheckedAgainstTheCurrentCapacity(bool modern, bool interrupts)
    {
        using var rig = MakeRig(modern, interrupts, sectors: 64).Started();
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(40, buffer));

        // Shrink: the request past the new end never reaches the device.
        rig.Device.ChangeCapacity(32);
        long requests = rig.Device.RequestCount;
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Read(40, buffer));
        Assert.Equal(requests, rig.Device.RequestCount);
        Assert.Equal(32ul, rig.Driver.CapacitySectors);
        Assert.Equal(BlockError.None, rig.Driver.Read(31, buffer));

        // Grow: the new sectors are reachable.
        rig.Device.ChangeCapacity(128);
        Assert.Equal(BlockError.None, rig.Driver.Read(100, buffer));
        Assert.Equal(128ul, rig.Driver.CapacitySectors);
        rig.AssertClean();
    }

    [Fact]
    public void ALegacyDevicesLargerUsedLengthIsIgnored()
    {
        using var rig = MakeRig(modern: false).Started();
        rig.Device.UsedLenLie = (_, written) => written + 4096;
        Span<byte> buffer = rig.Buffer(1024);
        Assert.Equal(BlockError.None, rig.Driver.Read(3, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(3, 2)));
        Assert.True(rig.Driver.IsReady);
        Assert.Equal(BlockError.None, rig.Driver.Write(5, buffer));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NoBufferIsHandedBackBeforeTheResetCompletes(bool interrupts)
    {
        using var rig = MakeRig(modern: true, interrupts, CompletionMode.Manual).Started();
        var ledger = new CompletionLedger();
        Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 1, rig.Buffer(512), out ushort token));
        rig.Device.ResetNeverCompletes = true;
        rig.Device.RaiseNeedsReset();

        // The driver resets the device; the reset does not complete, so the device may still write the buffer.
        Assert.NotEqual(BlockError.None, rig.Driver.WaitFor(token));
        Assert.True(rig.Device.ResetInProgress);
        Assert.False(rig.Driver.TryGetResult(token, out _));   // still the device's
        Assert.Equal(1, rig.Driver.InFlight);
        Assert.Equal(rig.Driver.QueueSize - 3, rig.Driver.FreeDescriptors);
        Assert.Equal(0, ledger.Drain(rig));

        // Once the reset completes the request is failed and the device is initialised again.
        rig.Device.FinishReset();
        Assert.Equal(BlockError.None, rig.Driver.Recover());
        Assert.True(rig.Driver.TryGetResult(token, out BlockError result));
        Assert.Equal(BlockError.DeviceNeedsReset, result);
        Span<byte> buffer = rig.Buffer(512);
        rig.Device.Completion = CompletionMode.Immediate;
        Assert.Equal(BlockError.None, rig.Driver.Read(2, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(2, 1)));
        rig.AssertClean();
    }

    [Fact]
    public void ConfigurationFieldsAreReadInsideOneGeneration()
    {
        using var rig = MakeRig(modern: true);
        rig.Device.HostFeatures |= VirtioBlkFeatures.SizeMax;
        rig.Device.SizeMax = 65536;
        rig.Device.SegMax = 126;
        bool changed = false;
        rig.Device.AfterConfigRead = (d, offset) =>
        {
            // Right after the driver read seg_max, the device changes it (and size_max): the generation moves.
            if (offset == VirtioBlkConfig.SegMax && !changed)
            {
                changed = true;
                d.SegMax = 8;
                d.SizeMax = 4096;
                d.BumpConfigGeneration();
            }
        };
        Assert.Equal(BlockError.None, rig.Initialize());
        Assert.True(changed);
        Assert.Equal(8, rig.Driver.MaxSegments);
        Assert.Equal(4096u, rig.Driver.MaxSegmentBytes);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFenceOrdersTheInterruptAckBeforeTheUsedRingIsRead(bool modern)
    {
        using var rig = MakeRig(modern, interrupts: true).Started();
        Rv.OnFence = (p, s) => rig.Device.Events.Add($"fence {p},{s}");
        try
        {
            Span<byte> buffer = rig.Buffer(512);
            Assert.Equal(BlockError.None, rig.Driver.Read(1, buffer));
        }
        finally
        {
            Rv.OnFence = null;
        }

        List<string> events = rig.Device.Events;
        Assert.Contains("ack", events);
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i] == "ack")
            {
                // The next event is a fence whose predecessors include device output and successors memory reads.
                Assert.True(i + 1 < events.Count, "no fence after the last InterruptACK");
                Assert.Matches("^fence .*O.*,.*R", events[i + 1]);
            }
        }
    }
}
