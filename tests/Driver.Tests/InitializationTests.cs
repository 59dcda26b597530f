using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>Probing and the legacy handshake (virtio 1.x 3.1.1, 4.2.4).</summary>
public unsafe class InitializationTests
{
    const uint AckDriver = VirtioDeviceStatus.Acknowledge | VirtioDeviceStatus.Driver;
    const uint Live = AckDriver | VirtioDeviceStatus.DriverOk;

    [Fact]
    public void ProbeReadsVersionAndDeviceId()
    {
        using var rig = new Rig();
        FakeRegisters regs = rig.Registers;
        Assert.True(VirtioMmio.Probe(ref regs, out uint version, out uint deviceId));
        Assert.Equal(1u, version);
        Assert.Equal(2u, deviceId);
        Assert.Empty(rig.Device.StatusWrites);
        rig.AssertClean();
    }

    [Fact]
    public void ProbeReportsAnEmptySlotAsDeviceZero()
    {
        using var rig = new Rig(configure: d => d.DeviceId = 0);
        FakeRegisters regs = rig.Registers;
        Assert.True(VirtioMmio.Probe(ref regs, out _, out uint deviceId));
        Assert.Equal(0u, deviceId);
    }

    [Fact]
    public void ProbeRejectsABadMagicValue()
    {
        using var rig = new Rig(configure: d => d.MagicValue = 0x12345678);
        FakeRegisters regs = rig.Registers;
        Assert.False(VirtioMmio.Probe(ref regs, out uint version, out uint deviceId));
        Assert.Equal(0u, version);
        Assert.Equal(0u, deviceId);
    }

    [Fact]
    public void HandshakeLeavesAcknowledgeDriverDriverOk()
    {
        using var rig = new Rig().Started();
        Assert.Equal(Live, rig.Device.Status);
        Assert.Equal([0u, 1u, AckDriver, Live], rig.Device.StatusWrites);
        Assert.True(rig.Driver.IsReady);
        Assert.Equal(1u, rig.Driver.TransportVersion);
        rig.AssertClean();
    }

    [Fact]
    public void HandshakeConfiguresTheLegacyQueue()
    {
        using var rig = new Rig().Started();
        Assert.Equal(4096u, rig.Device.GuestPageSize);
        Assert.Equal(4096u, rig.Device.QueueAlign);
        Assert.Equal(128u, rig.Device.QueueNum);
        Assert.Equal((ushort)128, rig.Driver.QueueSize);

        // QueuePFN is a bus page number, not a pointer: the arena's bus base is not its address.
        ulong queueBus = (ulong)rig.Device.QueuePfn * 4096;
        Assert.True(queueBus >= rig.Arena.BusBase && queueBus < rig.Arena.BusBase + rig.Arena.Size);
        rig.AssertClean();
    }

    [Fact]
    public void AcceptsWhatItImplementsFromQemusUsualOffer()
    {
        // QEMU offers SEG_MAX, GEOMETRY, BLK_SIZE, FLUSH, TOPOLOGY, CONFIG_WCE, DISCARD, WRITE_ZEROES, ANY_LAYOUT,
        // INDIRECT_DESC, EVENT_IDX and NOTIFY_ON_EMPTY: the driver takes all but GEOMETRY, ANY_LAYOUT and NOTIFY_ON_EMPTY
        // (INDIRECT_DESC too, when asked), and nothing it does not implement.
        using var rig = new Rig().Started();
        const ulong Expected = VirtioBlkFeatures.SegMax | VirtioBlkFeatures.BlockSize | VirtioBlkFeatures.Flush | VirtioBlkFeatures.Topology |
                               VirtioBlkFeatures.RingEventIdx | VirtioBlkFeatures.ConfigWce | VirtioBlkFeatures.Discard |
                               VirtioBlkFeatures.WriteZeroes;   // Rig.DirectFeatures
        Assert.Equal(FakeVirtioBlkDevice.QemuLikeFeatures, rig.Driver.OfferedFeatures);
        Assert.Equal(Expected, rig.Driver.AcceptedFeatures);
        Assert.Equal(Expected, rig.Device.GuestFeatures);
        Assert.False(rig.Driver.IsReadOnly);
        rig.AssertClean();
    }

    [Fact]
    public void NeverAcceptsUnknownFeaturesEvenWhenAskedFor()
    {
        using var rig = new Rig(configure: d => d.HostFeatures = 0xffff_ffff);
        Assert.Equal(BlockError.None, rig.Initialize(ulong.MaxValue, 16));
        Assert.Equal(VirtioBlkFeatures.Supported & 0xffff_ffff, rig.Device.GuestFeatures);   // legacy: no VERSION_1
        rig.AssertClean();
    }

    [Fact]
    public void AcceptsReadOnlyWhenOffered()
    {
        using var rig = new Rig(configure: d => d.HostFeatures |= VirtioBlkFeatures.ReadOnly).Started();
        Assert.True(rig.Driver.IsReadOnly);
        Assert.NotEqual(0ul, rig.Device.GuestFeatures & VirtioBlkFeatures.ReadOnly);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(256u, 128u)]
    [InlineData(128u, 128u)]
    [InlineData(100u, 64u)]  // not a power of two: rounded down (2.7: split queue sizes are powers of two)
    [InlineData(16u, 16u)]
    [InlineData(12u, 8u)]
    [InlineData(4u, 4u)]
    public void QueueSizeIsTheSmallerOfQueueNumMaxAnd128(uint queueNumMax, uint expected)
    {
        using var rig = new Rig(configure: d => d.QueueNumMax = queueNumMax).Started();
        Assert.Equal(expected, rig.Device.QueueNum);
        Assert.Equal((ushort)expected, rig.Driver.QueueSize);
        rig.AssertClean();
    }

    [Fact]
    public void ALargerQueueCanBeAskedFor()
    {
        using var rig = new Rig();
        Assert.Equal(BlockError.None, rig.Initialize(VirtioBlkFeatures.Default, 1024));
        Assert.Equal(256u, rig.Device.QueueNum);
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(3, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(3, 1)));
        rig.AssertClean();
    }

    [Fact]
    public void BadMagicFailsWithoutTouchingTheDevice()
    {
        using var rig = new Rig(configure: d => d.MagicValue = 0x12345678);
        Assert.Equal(BlockError.BadMagic, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);
        Assert.False(rig.Driver.IsReady);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(3u)]
    [InlineData(0u)]
    [InlineData(0xffffffffu)]
    public void OtherVersionsAreUnsupportedAndLeftUntouched(uint version)
    {
        using var rig = new Rig(configure: d => d.Version = version);
        Assert.Equal(BlockError.UnsupportedVersion, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);   // 4.2.3.1.1
        Assert.Equal(0u, rig.Device.QueuePfn);
    }

    [Fact]
    public void AnEmptySlotIsNoDevice()
    {
        using var rig = new Rig(configure: d => d.DeviceId = 0);
        Assert.Equal(BlockError.NoDevice, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);   // 4.2.3.1.1: no error indicated
        rig.AssertClean();
    }

    [Theory]
    [InlineData(1u)]   // network card
    [InlineData(4u)]   // entropy source
    public void AnotherKindOfDeviceIsNotABlockDevice(uint deviceId)
    {
        using var rig = new Rig(configure: d => d.DeviceId = deviceId);
        Assert.Equal(BlockError.NotBlockDevice, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);   // another driver's device
        Assert.Equal(0u, rig.Device.QueuePfn);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]   // too small for a header, data and status chain
    public void AMissingOrTinyQueueIsUnavailable(uint queueNumMax)
    {
        using var rig = new Rig(configure: d => d.QueueNumMax = queueNumMax);
        Assert.Equal(BlockError.QueueUnavailable, rig.Initialize());
        Assert.Equal(AckDriver | VirtioDeviceStatus.Failed, rig.Device.Status);
        Assert.Equal(0u, rig.Device.QueuePfn);
        rig.AssertClean();
    }

    [Fact]
    public void NoMemoryForTheQueueIsOutOfMemory()
    {
        using var rig = new Rig(arenaBytes: 4096);
        Assert.Equal(BlockError.OutOfMemory, rig.Initialize());
        Assert.Equal(AckDriver | VirtioDeviceStatus.Failed, rig.Device.Status);
        rig.AssertClean();
    }

    [Fact]
    public void NoMemoryForTheRequestSlotsIsOutOfMemory()
    {
        using var rig = new Rig();
        rig.Arena.AllocationLimit = 1;
        Assert.Equal(BlockError.OutOfMemory, rig.Initialize());
        Assert.Equal(VirtioDeviceStatus.Failed, rig.Device.Status & VirtioDeviceStatus.Failed);
        Assert.Equal(0u, rig.Device.Status & VirtioDeviceStatus.DriverOk);
        rig.AssertClean();
    }

    [Fact]
    public void ADeviceThatNeedsAResetAfterDriverOkIsReported()
    {
        using var rig = new Rig(configure: d => d.NeedsResetOnDriverOk = true);
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Initialize());
        Assert.NotEqual(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
        Assert.Equal(BlockError.NoDevice, rig.Driver.Read(0, rig.Buffer(512)));
    }

    [Fact]
    public void AFailedInitializationRefusesRequests()
    {
        using var rig = new Rig(configure: d => d.QueueNumMax = 0);
        Assert.Equal(BlockError.QueueUnavailable, rig.Initialize());
        Assert.Equal(BlockError.NoDevice, rig.Driver.Read(0, rig.Buffer(512)));
        Assert.Equal(BlockError.NoDevice, rig.Driver.Write(0, rig.Buffer(512)));
        Assert.Equal(0, rig.Device.NotifyCount);
        rig.AssertClean();
    }

    [Fact]
    public void ADefaultDriverRefusesRequests()
    {
        using var rig = new Rig();
        VirtioBlk<FakeRegisters, TestDma, FakeWait> driver = default;
        Assert.False(driver.IsReady);
        Assert.Equal(BlockError.NoDevice, driver.Read(0, rig.Buffer(512)));
        Assert.Equal(BlockError.NoDevice, driver.Flush());
        Assert.Equal(BlockError.NoDevice, driver.GetId(rig.Buffer(20)));
        Assert.Equal(BlockError.NoDevice, driver.Submit(BlockOp.Flush, 0, null, 0, out ushort token));
        Assert.Equal(VirtioBlk<FakeRegisters, TestDma, FakeWait>.NoToken, token);
        Assert.Equal(0, driver.ReapCompletions());
        Assert.True(driver.TryGetResult(0, out BlockError result));
        Assert.Equal(BlockError.BadToken, result);
        Assert.False(driver.TryTakeCompleted(out _, out _));
        Assert.Equal(BlockError.BadToken, driver.WaitFor(0));
        Assert.Equal(BlockError.None, driver.WaitForCompletion());
        Assert.Equal(0u, driver.AcknowledgeInterrupt());
    }

    [Fact]
    public void ReinitializingTheSameDeviceWorks()
    {
        using var rig = new Rig().Started();
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(1, buffer));
        Assert.Equal(BlockError.None, rig.Initialize());
        Assert.Equal(BlockError.None, rig.Driver.Read(2, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(2, 1)));
        Assert.Equal(2, rig.Device.ResetCount);
        rig.AssertClean();
    }
}
