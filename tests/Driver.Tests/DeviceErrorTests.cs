using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>What the driver makes of failed, broken and hung devices.</summary>
public class DeviceErrorTests
{
    [Theory]
    [InlineData(VirtioBlkStatus.VIRTIO_BLK_S_IOERR, BlockError.IoError)]
    [InlineData(VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP, BlockError.Unsupported)]
    [InlineData((byte)3, BlockError.DeviceError)]
    [InlineData((byte)0x80, BlockError.DeviceError)]
    public void StatusBytesMapToErrors(byte status, BlockError expected)
    {
        using var rig = new Rig().Started();
        rig.Device.ForcedStatus = status;
        Assert.Equal(expected, rig.Driver.Read(0, rig.Buffer(512)));
        Assert.Equal(expected, rig.Driver.Write(0, rig.Buffer(512)));
        Assert.Equal(rig.Original, rig.Device.Disk);

        // The queue is still healthy: the next requests succeed.
        rig.Device.ForcedStatus = null;
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(4, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(4, 1)));
        rig.AssertClean();
    }

    [Fact]
    public void ADeviceThatNeverCompletesTimesOutAndIsReset()
    {
        using var rig = new Rig().Started();
        rig.Device.Completion = CompletionMode.Never;
        rig.Waiting.Limit = 10_000;
        Span<byte> data = rig.Buffer(512);
        data.Fill(0x55);
        Assert.Equal(BlockError.Timeout, rig.Driver.Write(0, data));
        Assert.Equal(1, rig.Device.NotifyCount);

        // The driver reset the device (so it dropped the request and the buffer) and initialised it again.
        Assert.Equal(1u, rig.Driver.Recoveries);
        Assert.True(rig.Driver.IsReady);
        Assert.NotEqual(0u, rig.Device.Status & VirtioDeviceStatus.DriverOk);
        Assert.Equal(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
        Assert.Equal(rig.Original, rig.Device.Disk);
        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);

        // A device that answers again is used again, without a new Initialize.
        rig.Device.Completion = CompletionMode.Immediate;
        Assert.Equal(BlockError.None, rig.Driver.Write(0, data));
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.True(rig.Device.ReadBack(0, 1).AsSpan().SequenceEqual(data));
        rig.AssertClean();
    }

    [Fact]
    public void ACompletionOnAnotherThreadIsSeen()
    {
        using var rig = new Rig().Started();
        rig.Device.Completion = CompletionMode.Deferred;
        rig.Device.CompletionDelay = TimeSpan.FromMilliseconds(30);
        rig.Waiting.Limit = long.MaxValue;
        Span<byte> buffer = rig.Buffer(2048);
        Assert.Equal(BlockError.None, rig.Driver.Read(8, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(8, 4)));
        buffer.Fill(0x77);
        Assert.Equal(BlockError.None, rig.Driver.Write(8, buffer));
        Assert.True(rig.Device.ReadBack(8, 4).AsSpan().SequenceEqual(buffer));
        rig.AssertClean();
    }

    [Fact]
    public void ACompletionOfTheWrongChainIsAProtocolViolation()
    {
        // (Before ProtocolViolation existed this was reported as DeviceError, which now means an unknown status byte.)
        using var rig = new Rig().Started();
        rig.Device.CorruptUsedId = 9;
        Assert.Equal(BlockError.ProtocolViolation, rig.Driver.Read(0, rig.Buffer(512)));
        Assert.False(rig.Driver.IsReady);
        Assert.NotEqual(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Driver.Read(0, rig.Buffer(512)));
        rig.AssertClean();
    }

    [Fact]
    public void EveryErrorHasADescription()
    {
        foreach (BlockError error in Enum.GetValues<BlockError>())
        {
            string text = BlockErrors.Describe(error);
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.NotEqual("unknown error", text);
        }

        Assert.Equal("sector out of range", BlockErrors.Describe(BlockError.OutOfRange));
        Assert.Equal("unknown error", BlockErrors.Describe((BlockError)999));
        Assert.Equal(Enum.GetValues<BlockError>().Length,
            Enum.GetValues<BlockError>().Select(BlockErrors.Describe).Distinct().Count());
    }

    [Fact]
    public void TheEnumHasTheAgreedMembersInOrder()
    {
        Assert.Equal(
            ["None", "NoDevice", "BadMagic", "UnsupportedVersion", "NotBlockDevice", "FeaturesRefused", "QueueUnavailable",
             "OutOfMemory", "OutOfRange", "BadBuffer", "IoError", "Unsupported", "ReadOnly", "DeviceNeedsReset",
             "DeviceError", "Timeout", "QueueFull", "BadToken", "ProtocolViolation", "Aborted", "Misaligned"],
            Enum.GetNames<BlockError>());
    }
}
