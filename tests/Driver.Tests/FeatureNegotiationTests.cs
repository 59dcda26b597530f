using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>Feature negotiation (virtio 1.x 2.2, 3.1.1 steps 4-6; 5.2.3) and what the negotiated features change.</summary>
public class FeatureNegotiationTests
{
    static Rig ModernRig(Action<FakeVirtioBlkDevice>? configure = null) =>
        new(configure: d =>
        {
            d.Version = VirtioMmio.VersionModern;
            d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            configure?.Invoke(d);
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NeverAcceptsABitThatWasNotOfferedOrThatItDoesNotImplement(bool modern)
    {
        var random = new Random(modern ? 2 : 1);
        for (int i = 0; i < 300; i++)
        {
            ulong offered = (ulong)random.NextInt64() ^ (ulong)random.NextInt64() << 1;
            if (modern)
            {
                offered |= VirtioBlkFeatures.Version1;
            }
            else
            {
                offered &= 0xffff_ffff;
            }

            ulong wanted = random.Next(3) switch { 0 => ulong.MaxValue, 1 => VirtioBlkFeatures.Default, _ => (ulong)random.NextInt64() };
            using var rig = new Rig(configure: d =>
            {
                d.Version = modern ? VirtioMmio.VersionModern : VirtioMmio.VersionLegacy;
                d.HostFeatures = offered;
            });
            Assert.Equal(BlockError.None, rig.Initialize(wanted, 16));
            ulong accepted = rig.Device.GuestFeatures;
            Assert.Equal(0ul, accepted & ~offered);
            Assert.Equal(0ul, accepted & ~VirtioBlkFeatures.Supported);
            Assert.Equal(offered & (wanted | VirtioBlkFeatures.Version1 | VirtioBlkFeatures.BlockSize) & VirtioBlkFeatures.Supported, accepted);
            Assert.Equal(accepted, rig.Driver.AcceptedFeatures);
            rig.AssertClean();   // the fake also flags any bit not offered
        }
    }

    [Fact]
    public void Version1AndBlockSizeAreAcceptedWheneverOfferedEvenIfNotAskedFor()
    {
        // BLK_SIZE: a disk of 4 KiB logical blocks fails every request that is not whole blocks, asked or not.
        using var rig = ModernRig();
        Assert.Equal(BlockError.None, rig.Initialize(0, 16));
        Assert.Equal(VirtioBlkFeatures.Version1 | VirtioBlkFeatures.BlockSize, rig.Device.GuestFeatures);
        rig.AssertClean();
    }

    [Fact]
    public void TheDefaultsAreEverythingImplementedAndFlushIsAmongThem()
    {
        Assert.Equal(VirtioBlkFeatures.Supported & ~VirtioBlkFeatures.Version1, VirtioBlkFeatures.Default);
        Assert.NotEqual(0ul, VirtioBlkFeatures.Default & VirtioBlkFeatures.Flush);
        Assert.Equal(
            VirtioBlkFeatures.ReadOnly | VirtioBlkFeatures.BlockSize | VirtioBlkFeatures.SegMax | VirtioBlkFeatures.SizeMax |
            VirtioBlkFeatures.Flush | VirtioBlkFeatures.Topology | VirtioBlkFeatures.Version1 |
            VirtioBlkFeatures.RingEventIdx | VirtioBlkFeatures.RingIndirectDesc | VirtioBlkFeatures.RingPacked |
            VirtioBlkFeatures.ConfigWce | VirtioBlkFeatures.Discard | VirtioBlkFeatures.WriteZeroes,
            VirtioBlkFeatures.Supported);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WithFlushNegotiatedFlushReachesTheDevice(bool modern)
    {
        using var rig = modern ? ModernRig().Started() : new Rig().Started();
        Assert.NotEqual(0ul, rig.Device.GuestFeatures & VirtioBlkFeatures.Flush);
        Span<byte> data = rig.Buffer(512);
        data.Fill(0x61);
        Assert.Equal(BlockError.None, rig.Driver.Write(5, data));
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.Equal(1, rig.Device.FlushCount);
        FakeRequest flush = rig.Device.Requests[^1];
        Assert.Equal((VirtioBlkReqHeader.VIRTIO_BLK_T_FLUSH, 0ul, 0), (flush.Type, flush.Sector, flush.DataLength));
        rig.AssertClean();
    }

    [Fact]
    public void WithoutFlushOfferedFlushIsANoOpAndSubmittingOneIsUnsupported()
    {
        using var rig = new Rig(configure: d => d.HostFeatures &= ~VirtioBlkFeatures.Flush).Started();
        Assert.Equal(0ul, rig.Device.GuestFeatures & VirtioBlkFeatures.Flush);
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        unsafe
        {
            Assert.Equal(BlockError.Unsupported, rig.Driver.Submit(BlockOp.Flush, 0, null, 0, out _));
        }

        Assert.Equal(0, rig.Device.NotifyCount);
        rig.AssertClean();
    }

    [Fact]
    public void ARefusedFeaturesOkLeavesTheDeviceFailed()
    {
        using var rig = ModernRig(d => d.RefuseFeatures = true);
        Assert.Equal(BlockError.FeaturesRefused, rig.Initialize());
        Assert.Equal(0u, rig.Device.Status & VirtioDeviceStatus.FeaturesOk);
        Assert.NotEqual(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
        Assert.Equal(0u, rig.Device.Status & VirtioDeviceStatus.DriverOk);
        Assert.False(rig.Device.QueueReady);
        Assert.False(rig.Driver.IsReady);
        Assert.Equal(BlockError.NoDevice, rig.Driver.Write(0, rig.Buffer(512)));
        Assert.Equal(0, rig.Device.NotifyCount);
        Assert.Equal("device refused the driver's features", BlockErrors.Describe(BlockError.FeaturesRefused));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(512u)]
    [InlineData(4096u)]
    public void BlockSizeIsHonouredAndSectorsStay512Bytes(uint blockSize)
    {
        using var rig = new Rig(sectors: 64, configure: d => d.BlockSize = blockSize).Started();
        Assert.Equal(blockSize, rig.Driver.BlockSize);
        Assert.Equal(64ul, rig.Driver.CapacitySectors);
        int perBlock = (int)blockSize / 512;
        Span<byte> buffer = rig.Buffer((int)blockSize);
        Assert.Equal(BlockError.None, rig.Driver.Read((ulong)(3 * perBlock), buffer));
        Assert.Equal((ulong)(3 * perBlock), rig.Device.Requests[^1].Sector);
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors((ulong)(3 * perBlock), perBlock)));
        Assert.Equal(BlockError.None, rig.Driver.Write((ulong)(5 * perBlock), buffer));
        if (blockSize > 512)
        {
            // Not whole logical blocks: refused before the device (QEMU would fail them).
            long requests = rig.Device.RequestCount;
            Assert.Equal(BlockError.Misaligned, rig.Driver.Read(3, buffer));
            Assert.Equal(BlockError.Misaligned, rig.Driver.Read(0, buffer[..512]));
            Assert.Equal(BlockError.Misaligned, rig.Driver.Write((ulong)perBlock, buffer[..(int)(blockSize - 512)]));
            Assert.Equal(requests, rig.Device.RequestCount);
        }

        rig.AssertClean();
    }

    [Fact]
    public void BlockSizesThatNoRequestCouldFitAreRefused()
    {
        foreach (uint bad in new uint[] { 256, 513, 3000, 8192, 1u << 17 })
        {
            using var rig = new Rig(configure: d => d.BlockSize = bad);
            Assert.Equal(BlockError.ProtocolViolation, rig.Initialize());
        }
    }

    [Fact]
    public void TopologyIsReadInLogicalBlocks()
    {
        using var rig = new Rig(configure: d =>
        {
            d.BlockSize = 4096;
            d.PhysicalBlockExp = 1;
            d.MinIoBlocks = 2;
            d.OptIoBlocks = 16;
        }).Started();
        Assert.Equal(8192u, rig.Driver.PhysicalBlockSize);
        Assert.Equal(8192u, rig.Driver.MinIoSize);
        Assert.Equal(65536u, rig.Driver.OptimalIoSize);
        rig.AssertClean();
    }

    [Fact]
    public void ConfigurationFieldsOfFeaturesNotNegotiatedAreIgnored()
    {
        using var rig = new Rig(configure: d =>
        {
            d.HostFeatures &= ~(VirtioBlkFeatures.BlockSize | VirtioBlkFeatures.SegMax);
            d.BlockSize = 4096;
            d.SegMax = 2;
            d.SizeMax = 512;   // SIZE_MAX not offered
        }).Started();
        Assert.Equal(512u, rig.Driver.BlockSize);
        Assert.Equal(126, rig.Driver.MaxSegments);
        Assert.Equal(0u, rig.Driver.MaxSegmentBytes);
        Span<byte> buffer = rig.Buffer(8192);
        Assert.Equal(BlockError.None, rig.Driver.Read(0, buffer));
        Assert.Equal(1, rig.Device.MaxDataDescriptors);
        rig.AssertClean();
    }

    [Fact]
    public void ReadOnlyIsHonouredWhetherOrNotAccepted()
    {
        // Offered but not asked for: the driver still refuses writes (the device would fail them).
        using var rig = new Rig(configure: d => d.HostFeatures |= VirtioBlkFeatures.ReadOnly).Started(VirtioBlkFeatures.Flush, 16);
        Assert.Equal(0ul, rig.Device.GuestFeatures & VirtioBlkFeatures.ReadOnly);
        Assert.True(rig.Driver.IsReadOnly);
        Assert.Equal(BlockError.ReadOnly, rig.Driver.Write(0, rig.Buffer(512)));
        Assert.Equal(0, rig.Device.NotifyCount);
        rig.AssertClean();
    }
}
