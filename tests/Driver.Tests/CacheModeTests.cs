using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>VIRTIO_BLK_F_CONFIG_WCE (virtio 1.2 5.2.5, 5.2.6): the writeback field read after FEATURES_OK (the fake
/// records a read before it on the modern interface), written 8 bits wide only when negotiated, read back to confirm;
/// FLUSH keeps working in either mode.</summary>
public class CacheModeTests
{
    static Rig MakeRig(bool modern, Action<FakeVirtioBlkDevice>? configure = null) =>
        new(configure: d =>
        {
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            }

            configure?.Invoke(d);
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SwitchesBothWaysAndFlushStillWorks(bool modern)
    {
        using var rig = MakeRig(modern).Started();
        Assert.True(rig.Driver.CacheModeSwitchable);
        Assert.True(rig.Driver.IsWritebackCache());

        Assert.Equal(BlockError.None, rig.Driver.SetWritebackCache(false));
        Assert.Equal(0, rig.Device.Writeback);
        Assert.False(rig.Driver.IsWritebackCache());
        Assert.Equal(1, rig.Device.FlushCount);   // going writethrough flushes what the cache held

        Span<byte> data = rig.Buffer(512);
        data.Fill(0x5a);
        Assert.Equal(BlockError.None, rig.Driver.Write(3, data));
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.Equal(2, rig.Device.FlushCount);

        Assert.Equal(BlockError.None, rig.Driver.SetWritebackCache(true));
        Assert.Equal(1, rig.Device.Writeback);
        Assert.True(rig.Driver.IsWritebackCache());
        Assert.Equal([(byte)0, (byte)1], rig.Device.WritebackWrites);
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.Equal(3, rig.Device.FlushCount);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WithoutConfigWceNothingIsWrittenAndFlushDecides(bool modern)
    {
        using var rig = MakeRig(modern).Started(Rig.DirectFeatures & ~VirtioBlkFeatures.ConfigWce, 128);
        Assert.False(rig.Driver.CacheModeSwitchable);
        Assert.True(rig.Driver.IsWritebackCache());   // FLUSH negotiated: the driver assumes writeback (5.2.5.1)
        Assert.Equal(BlockError.Unsupported, rig.Driver.SetWritebackCache(false));
        Assert.Empty(rig.Device.WritebackWrites);
        rig.AssertClean();

        using var plain = MakeRig(modern).Started(Rig.DirectFeatures & ~(VirtioBlkFeatures.ConfigWce | VirtioBlkFeatures.Flush), 128);
        Assert.False(plain.Driver.IsWritebackCache());
        plain.AssertClean();
    }

    [Fact]
    public void ConfigWceWithoutFlushStartsWritethrough()
    {
        using var rig = MakeRig(modern: true).Started(Rig.DirectFeatures & ~VirtioBlkFeatures.Flush, 128);
        Assert.True(rig.Driver.CacheModeSwitchable);
        Assert.False(rig.Driver.IsWritebackCache());   // 5.2.5.2: the device initialises writeback to 0
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ADeviceThatKeepsItsModeIsReported(bool modern)
    {
        using var rig = MakeRig(modern, d => d.IgnoreWritebackWrites = true).Started();
        Assert.Equal(BlockError.Unsupported, rig.Driver.SetWritebackCache(false));
        Assert.True(rig.Driver.IsWritebackCache());
        Assert.Equal(0, rig.Device.FlushCount);
        rig.AssertClean();
    }

    [Fact]
    public void TheModeSurvivesARecovery()
    {
        using var rig = MakeRig(modern: true).Started();
        Assert.Equal(BlockError.None, rig.Driver.SetWritebackCache(false));
        Assert.Equal(BlockError.None, rig.Driver.Recover());
        Assert.False(rig.Driver.IsWritebackCache());   // QEMU: the drive's mode, untouched by a reset with CONFIG_WCE
        rig.AssertClean();
    }
}
