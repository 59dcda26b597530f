using Kernel.Drivers.Block;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>Byte-granular reads and writes through <see cref="BlockIo"/> on the virtio driver.</summary>
public class BlockIoTests
{
    [Theory]
    [InlineData(0ul, 1)]
    [InlineData(0ul, 512)]
    [InlineData(0ul, 2048)]
    [InlineData(1ul, 10)]
    [InlineData(500ul, 30)]        // crosses a sector boundary
    [InlineData(511ul, 1027)]      // head, whole sectors, tail
    [InlineData(1024ul, 1536)]     // aligned
    [InlineData(32767ul, 1)]       // the last byte
    [InlineData(100ul, 0)]
    public void ReadBytesMatchesTheImage(ulong offset, int length)
    {
        using var rig = new Rig(sectors: 64).Started();
        Span<byte> destination = rig.Buffer(Math.Max(length, 1))[..length];
        Assert.Equal(BlockError.None, BlockIo.ReadBytes(ref rig.Driver, offset, destination, rig.Buffer(512)));
        Assert.True(destination.SequenceEqual(rig.Original.AsSpan((int)offset, length)));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(0ul, 1)]
    [InlineData(3ul, 700)]
    [InlineData(511ul, 1027)]
    [InlineData(2048ul, 512)]
    [InlineData(32766ul, 2)]
    public void WriteBytesChangesExactlyThoseBytes(ulong offset, int length)
    {
        using var rig = new Rig(sectors: 64).Started();
        Span<byte> source = rig.Buffer(length);
        new Random(length).NextBytes(source);
        Assert.Equal(BlockError.None, BlockIo.WriteBytes(ref rig.Driver, offset, source, rig.Buffer(512)));
        byte[] expected = (byte[])rig.Original.Clone();
        source.CopyTo(expected.AsSpan((int)offset));
        Assert.Equal(expected, rig.Device.Disk);
        rig.AssertClean();
    }

    [Fact]
    public void RangesPastTheEndAndSmallScratchBuffersAreRefused()
    {
        using var rig = new Rig(sectors: 64).Started();
        Span<byte> scratch = rig.Buffer(512);
        Assert.Equal(BlockError.OutOfRange, BlockIo.ReadBytes(ref rig.Driver, 32767, rig.Buffer(2), scratch));
        Assert.Equal(BlockError.OutOfRange, BlockIo.WriteBytes(ref rig.Driver, ulong.MaxValue, rig.Buffer(2), scratch));
        Assert.Equal(BlockError.BadBuffer, BlockIo.ReadBytes(ref rig.Driver, 0, rig.Buffer(2), scratch[..511]));
        Assert.Equal(0, rig.Device.NotifyCount);
        rig.AssertClean();
    }

    [Fact]
    public void AReadOnlyDiskRefusesWriteBytes()
    {
        using var rig = new Rig(configure: d => d.HostFeatures |= VirtioBlkFeatures.ReadOnly).Started();
        Assert.Equal(BlockError.ReadOnly, BlockIo.WriteBytes(ref rig.Driver, 10, rig.Buffer(5), rig.Buffer(512)));
        Assert.Equal(0, rig.Device.NotifyCount);
        rig.AssertClean();
    }

    [Fact]
    public void DeviceErrorsArePassedOn()
    {
        using var rig = new Rig().Started();
        rig.Device.ForcedStatus = VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
        Assert.Equal(BlockError.IoError, BlockIo.ReadBytes(ref rig.Driver, 10, rig.Buffer(5), rig.Buffer(512)));
        Assert.Equal(BlockError.IoError, BlockIo.WriteBytes(ref rig.Driver, 1024, rig.Buffer(512), rig.Buffer(512)));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(0ul, 1)]
    [InlineData(511ul, 1027)]
    [InlineData(4095ul, 4098)]     // head, a whole block, tail
    [InlineData(8192ul, 8192)]     // aligned
    [InlineData(65535ul, 1)]       // the last byte
    public void FourKiBBlocksAreReadAndWrittenWhole(ulong offset, int length)
    {
        // A disk with logical_block_size=4096: every request the device sees is whole, aligned blocks (the fake
        // records any other as a violation, and QEMU would fail it).
        using var rig = new Rig(sectors: 128, configure: d => d.BlockSize = 4096).Started();
        Span<byte> destination = rig.Buffer(length);
        Assert.Equal(BlockError.BadBuffer, BlockIo.ReadBytes(ref rig.Driver, offset, destination, rig.Buffer(512)));
        Assert.Equal(BlockError.None, BlockIo.ReadBytes(ref rig.Driver, offset, destination, rig.Buffer(4096)));
        Assert.True(destination.SequenceEqual(rig.Original.AsSpan((int)offset, length)));

        Span<byte> source = rig.Buffer(length);
        new Random(length).NextBytes(source);
        Assert.Equal(BlockError.None, BlockIo.WriteBytes(ref rig.Driver, offset, source, rig.Buffer(4096)));
        byte[] expected = (byte[])rig.Original.Clone();
        source.CopyTo(expected.AsSpan((int)offset));
        Assert.Equal(expected, rig.Device.Disk);
        Assert.All(rig.Device.Requests, r => Assert.True(r.Sector % 8 == 0 && r.DataLength % 4096 == 0));
        rig.AssertClean();
    }
}
