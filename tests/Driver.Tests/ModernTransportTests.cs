using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The modern register interface (virtio-mmio version 2, virtio 1.x 4.2.2 and 4.2.3): VERSION_1 and
/// FEATURES_OK, 64-bit queue addresses and QueueReady, ConfigGeneration.</summary>
public class ModernTransportTests
{
    const uint AckDriver = VirtioDeviceStatus.Acknowledge | VirtioDeviceStatus.Driver;
    const uint FeaturesOk = AckDriver | VirtioDeviceStatus.FeaturesOk;
    const uint Live = FeaturesOk | VirtioDeviceStatus.DriverOk;

    static Rig ModernRig(int sectors = 64, Action<FakeVirtioBlkDevice>? configure = null) =>
        new(sectors, configure: d =>
        {
            d.Version = VirtioMmio.VersionModern;
            d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            configure?.Invoke(d);
        });

    [Fact]
    public void HandshakeNegotiatesVersion1AndSetsFeaturesOk()
    {
        using var rig = ModernRig().Started();
        Assert.Equal([0u, 1u, AckDriver, FeaturesOk, Live], rig.Device.StatusWrites);
        Assert.Equal(Live, rig.Device.Status);
        Assert.Equal(2u, rig.Driver.TransportVersion);
        Assert.Equal(FakeVirtioBlkDevice.ModernQemuLikeFeatures, rig.Driver.OfferedFeatures);
        const ulong Expected = VirtioBlkFeatures.Version1 | VirtioBlkFeatures.SegMax | VirtioBlkFeatures.BlockSize | VirtioBlkFeatures.Flush |
                              VirtioBlkFeatures.Topology | VirtioBlkFeatures.RingEventIdx | VirtioBlkFeatures.ConfigWce |
                              VirtioBlkFeatures.Discard | VirtioBlkFeatures.WriteZeroes;   // Rig.DirectFeatures
        Assert.Equal(Expected, rig.Driver.AcceptedFeatures);
        Assert.Equal(Expected, rig.Device.GuestFeatures);
        rig.AssertClean();
    }

    [Fact]
    public void TheQueueGoesToTheAddressRegistersNotQueuePfn()
    {
        using var rig = ModernRig().Started();
        Assert.True(rig.Device.QueueReady);
        Assert.Equal(0u, rig.Device.QueuePfn);
        Assert.Equal(0u, rig.Device.GuestPageSize);
        var (desc, driver, device) = rig.Device.QueueAddresses;
        Assert.Equal(desc + 16 * 128, driver);
        Assert.Equal(desc + 4096, device);
        Assert.True(desc >= rig.Arena.BusBase && desc < rig.Arena.BusBase + rig.Arena.Size);
        rig.AssertClean();
    }

    [Fact]
    public void ADeviceWithoutVersion1IsRefused()
    {
        using var rig = ModernRig(configure: d => d.HostFeatures = FakeVirtioBlkDevice.QemuLikeFeatures);
        Assert.Equal(BlockError.FeaturesRefused, rig.Initialize());
        Assert.Equal(AckDriver | VirtioDeviceStatus.Failed, rig.Device.Status);
        Assert.False(rig.Device.QueueReady);
        rig.AssertClean();
    }

    [Fact]
    public void FeaturesTheDeviceDoesNotKeepAreRefused()
    {
        using var rig = ModernRig(configure: d => d.RefuseFeatures = true);
        Assert.Equal(BlockError.FeaturesRefused, rig.Initialize());
        Assert.Equal(AckDriver | VirtioDeviceStatus.Failed, rig.Device.Status);
        Assert.False(rig.Device.QueueReady);
        Assert.Equal(BlockError.NoDevice, rig.Driver.Read(0, rig.Buffer(512)));
        rig.AssertClean();
    }

    [Fact]
    public void ReadsAndWritesRoundTrip()
    {
        using var rig = ModernRig().Started();
        Span<byte> buffer = rig.Buffer(4 * 512);
        Assert.Equal(BlockError.None, rig.Driver.Read(10, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(10, 4)));
        new Random(3).NextBytes(buffer);
        Assert.Equal(BlockError.None, rig.Driver.Write(60, buffer));
        Assert.True(rig.Device.ReadBack(60, 4).AsSpan().SequenceEqual(buffer));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Write(61, buffer));
        rig.AssertClean();
    }

    [Fact]
    public void ReadOnlyAndFlushAreNegotiatedAlongsideVersion1()
    {
        using var rig = ModernRig(configure: d => d.HostFeatures |= VirtioBlkFeatures.ReadOnly);
        Assert.Equal(BlockError.None, rig.Initialize(VirtioBlkFeatures.Default | VirtioBlkFeatures.Flush, 16));
        Assert.Equal(VirtioBlkFeatures.Version1 | VirtioBlkFeatures.ReadOnly | VirtioBlkFeatures.Flush | VirtioBlkFeatures.SegMax |
                     VirtioBlkFeatures.BlockSize | VirtioBlkFeatures.Topology | VirtioBlkFeatures.RingEventIdx |
                     VirtioBlkFeatures.RingIndirectDesc | VirtioBlkFeatures.ConfigWce | VirtioBlkFeatures.Discard |
                     VirtioBlkFeatures.WriteZeroes, rig.Device.GuestFeatures);
        Assert.Equal(BlockError.ReadOnly, rig.Driver.Write(0, rig.Buffer(512)));
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.Equal(1, rig.Device.FlushCount);
        rig.AssertClean();
    }

    [Fact]
    public void ACapacityChangeDuringTheReadIsCaughtByConfigGeneration()
    {
        // The driver reads the low word first: 0x1_FFFF_FFFF becoming 0x2_0000_0000 after that read would give
        // 0x2_FFFF_FFFF without the generation check.
        bool changed = false;
        using var rig = ModernRig(configure: d =>
        {
            d.CapacitySectors = 0x1_FFFF_FFFF;
            d.AfterConfigRead = (device, offset) =>
            {
                if (offset == 0 && !changed)
                {
                    changed = true;
                    device.CapacitySectors = 0x2_0000_0000;
                }
            };
        }).Started();
        Assert.True(changed);
        Assert.Equal(0x2_0000_0000ul, rig.Driver.CapacitySectors);
        rig.AssertClean();
    }

    [Fact]
    public void TheRingIndexesWrapPast65535()
    {
        using var rig = ModernRig(sectors: 8).Started();
        Span<byte> buffer = rig.Buffer(512);
        for (int i = 0; i < 66_000; i++)
        {
            BlockError error = rig.Driver.Read((ulong)(i % 8), buffer);
            if (error != BlockError.None)
            {
                Assert.Fail($"request {i}: {error}");
            }
        }

        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(65_999 % 8, 1)));
        Assert.Equal(unchecked((ushort)66_000), rig.Device.UsedIdx);
        rig.AssertClean();
    }

    [Fact]
    public void ATimeoutResetsTheDevice()
    {
        using var rig = ModernRig().Started();
        rig.Device.Completion = CompletionMode.Never;
        rig.Waiting.Limit = 1000;
        Assert.Equal(BlockError.Timeout, rig.Driver.Read(0, rig.Buffer(512)));

        // Reset (the device dropped the request) and initialised again: the disk works without a new Initialize.
        Assert.Equal(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
        Assert.True(rig.Device.QueueReady);
        Assert.Equal(0, rig.Device.PendingCount);
        rig.Device.Completion = CompletionMode.Immediate;
        Assert.Equal(BlockError.None, rig.Driver.Read(0, rig.Buffer(512)));
        rig.AssertClean();
    }
}
