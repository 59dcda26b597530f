using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>VIRTIO_BLK_T_DISCARD and VIRTIO_BLK_T_WRITE_ZEROES (virtio 1.2 5.2.6) against the fake device, which
/// checks the driver's MUST rules (5.2.6.1: segments within max_*_seg and max_*_sectors, data a whole number of
/// 16-byte segments, unmap never on a discard, reserved flags 0, header sector 0, nothing past the capacity) and
/// records every segment it received: the bytes on the fake's disk are the reference for what was zeroed.</summary>
public unsafe class DiscardWriteZeroesTests
{
    const ulong Both = VirtioBlkFeatures.Discard | VirtioBlkFeatures.WriteZeroes;

    static Rig MakeRig(bool modern, Action<FakeVirtioBlkDevice>? configure = null, int sectors = 256) =>
        new(sectors, configure: d =>
        {
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            }
            else
            {
                d.HostFeatures = FakeVirtioBlkDevice.QemuLikeFeatures | Both;
            }

            configure?.Invoke(d);
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsTheLimitsFromTheConfigurationAtTheirOffsets(bool modern)
    {
        using var rig = MakeRig(modern, d =>
        {
            d.MaxDiscardSectors = 1000;
            d.MaxDiscardSeg = 3;
            d.DiscardSectorAlignment = 8;
            d.MaxWriteZeroesSectors = 500;
            d.MaxWriteZeroesSeg = 2;
            d.WriteZeroesMayUnmap = 0;
        }).Started();
        Assert.True(rig.Driver.CanDiscard);
        Assert.True(rig.Driver.CanWriteZeroes);
        Assert.Equal(1000u, rig.Driver.MaxDiscardSectors);
        Assert.Equal(3u, rig.Driver.MaxDiscardSegments);
        Assert.Equal(8u, rig.Driver.DiscardSectorAlignment);
        Assert.Equal(500u, rig.Driver.MaxWriteZeroesSectors);
        Assert.Equal(2u, rig.Driver.MaxWriteZeroesSegments);
        Assert.False(rig.Driver.WriteZeroesMayUnmap);
        Assert.Equal(3, rig.Driver.RangeSegmentsPerRequest(BlockOp.Discard));
        Assert.Equal(2, rig.Driver.RangeSegmentsPerRequest(BlockOp.WriteZeroes));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void WriteZeroesZeroesTheRangeAndNothingElse(bool modern, bool unmap)
    {
        using var rig = MakeRig(modern).Started();
        Assert.Equal(BlockError.None, rig.Driver.WriteZeroes(5, 10, unmap));
        uint flags = unmap ? VirtioBlkDiscardWriteZeroes.VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP : 0;
        Assert.Equal([new FakeRangeSegment(VirtioBlkReqHeader.VIRTIO_BLK_T_WRITE_ZEROES, 5, 10, flags)], rig.Device.RangeSegments);
        AssertDisk(rig, (5, 10));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DiscardSendsTheRangeWithoutTheUnmapFlag(bool modern)
    {
        using var rig = MakeRig(modern, d => d.DiscardFill = 0).Started();
        Assert.Equal(BlockError.None, rig.Driver.Discard(100, 28));
        Assert.Equal([new FakeRangeSegment(VirtioBlkReqHeader.VIRTIO_BLK_T_DISCARD, 100, 28, 0)], rig.Device.RangeSegments);
        AssertDisk(rig, (100, 28));   // the fake deallocates: zeroes, as QEMU's raw file with discard=unmap
        rig.AssertClean();
    }

    /// <summary>A range larger than the limits becomes segments of at most max_write_zeroes_sectors, at most
    /// max_write_zeroes_seg per request (the fake records a violation otherwise), covering it exactly.</summary>
    [Theory]
    [InlineData(false, 7u, 3u, 40ul)]
    [InlineData(true, 7u, 3u, 40ul)]
    [InlineData(false, 16u, 1u, 200ul)]
    [InlineData(true, 1u, 16u, 50ul)]
    [InlineData(false, 5u, 40u, 63ul)]   // more segments allowed than the driver's MaxRangeSegments (16)
    public void LargeRangesAreCutWithinTheLimits(bool modern, uint maxSectors, uint maxSeg, ulong count)
    {
        using var rig = MakeRig(modern, d =>
        {
            d.MaxWriteZeroesSectors = maxSectors;
            d.MaxWriteZeroesSeg = maxSeg;
        }).Started();
        long before = rig.Device.RequestCount;
        Assert.Equal(BlockError.None, rig.Driver.WriteZeroes(3, count, unmap: false));
        var segments = rig.Device.RangeSegments;
        AssertCovers(segments, 3, count);
        Assert.All(segments, s => Assert.True(s.NumSectors <= maxSectors));
        int perRequest = (int)Math.Min(maxSeg, (uint)VirtioBlk<FakeRegisters, TestDma, FakeWait>.MaxRangeSegments);
        Assert.Equal((segments.Count + perRequest - 1) / perRequest, rig.Device.RequestCount - before);
        AssertDisk(rig, (3, count));
        rig.AssertClean();
    }

    /// <summary>A large discard is cut on multiples of discard_sector_alignment (5.2.5: "can be used by OS when
    /// splitting a request based on alignment").</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DiscardCutsFallOnTheAlignment(bool modern)
    {
        using var rig = MakeRig(modern, d =>
        {
            d.MaxDiscardSectors = 20;
            d.MaxDiscardSeg = 2;
            d.DiscardSectorAlignment = 8;
        }).Started();
        Assert.Equal(BlockError.None, rig.Driver.Discard(3, 50));
        var segments = rig.Device.RangeSegments;
        AssertCovers(segments, 3, 50);
        Assert.Equal([3ul, 16, 32, 48], segments.Select(s => s.Sector));
        Assert.All(segments, s => Assert.Equal(0u, s.Flags));
        rig.AssertClean();
    }

    [Fact]
    public void ALimitOfZeroSectorsIsNoLimitAndZeroSegmentsIsOne()
    {
        using var rig = MakeRig(modern: true, d =>
        {
            d.MaxWriteZeroesSectors = 0;
            d.MaxWriteZeroesSeg = 0;
            d.MaxWriteZeroesSeg = 1;   // the fake checks against what it offers: 1 is the reading of 0
        }, sectors: 4096).Started();
        Assert.Equal(BlockError.None, rig.Driver.WriteZeroes(0, 4096, unmap: true));
        Assert.Equal([new FakeRangeSegment(VirtioBlkReqHeader.VIRTIO_BLK_T_WRITE_ZEROES, 0, 4096, 1)], rig.Device.RangeSegments);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WholeLogicalBlocksOnly(bool modern)
    {
        using var rig = MakeRig(modern, d =>
        {
            d.BlockSize = 4096;
            d.MaxWriteZeroesSectors = 12;   // 1.5 blocks: the driver takes 8 (one block) per segment
            d.MaxWriteZeroesSeg = 1;
        }).Started();
        Assert.Equal(8u, rig.Driver.RangeSectorsPerSegment(BlockOp.WriteZeroes));
        Assert.Equal(BlockError.Misaligned, rig.Driver.WriteZeroes(4, 8, unmap: false));
        Assert.Equal(BlockError.Misaligned, rig.Driver.WriteZeroes(8, 4, unmap: false));
        Assert.Empty(rig.Device.RangeSegments);
        Assert.Equal(BlockError.None, rig.Driver.WriteZeroes(8, 24, unmap: false));
        Assert.Equal([8ul, 16, 24], rig.Device.RangeSegments.Select(s => s.Sector));
        AssertDisk(rig, (8, 24));
        rig.AssertClean();
    }

    [Fact]
    public void ALimitBelowOneBlockIsUnsupported()
    {
        using var rig = MakeRig(modern: true, d =>
        {
            d.BlockSize = 4096;
            d.MaxDiscardSectors = 4;
        }).Started();
        Assert.Equal(0u, rig.Driver.RangeSectorsPerSegment(BlockOp.Discard));
        Assert.Equal(BlockError.Unsupported, rig.Driver.Discard(0, 8));
        Assert.Empty(rig.Device.RangeSegments);
        rig.AssertClean();
    }

    /// <summary>Each bad request gets its error before anything reaches the device, and the device keeps working.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BadRangesFailAloneAndTheDeviceKeepsWorking(bool modern)
    {
        using var rig = MakeRig(modern).Started();
        long before = rig.Device.RequestCount;
        Assert.Equal(BlockError.OutOfRange, rig.Driver.WriteZeroes(250, 7, unmap: false));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Discard(256, 1));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Discard(ulong.MaxValue, 2));
        Assert.Equal(BlockError.BadBuffer, rig.Driver.WriteZeroes(0, 0, unmap: false));
        Assert.Equal(before, rig.Device.RequestCount);

        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(250, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(250, 1)));
        Assert.Equal(BlockError.None, rig.Driver.WriteZeroes(250, 6, unmap: false));
        AssertDisk(rig, (250, 6));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WithoutTheFeaturesNothingIsSent(bool modern)
    {
        using var rig = MakeRig(modern).Started(Rig.DirectFeatures & ~Both, 128);
        Assert.False(rig.Driver.CanDiscard);
        Assert.False(rig.Driver.CanWriteZeroes);
        Assert.Equal(0u, rig.Driver.MaxDiscardSectors);
        Assert.Equal(BlockError.Unsupported, rig.Driver.Discard(0, 8));
        Assert.Equal(BlockError.Unsupported, rig.Driver.WriteZeroes(0, 8, unmap: true));
        BlockRange one = new(0, 8);
        Assert.Equal(BlockError.Unsupported, rig.Driver.SubmitDiscard(new ReadOnlySpan<BlockRange>(&one, 1), out ushort token));
        Assert.Equal(VirtioBlk<FakeRegisters, TestDma, FakeWait>.NoToken, token);
        Assert.Equal(0, rig.Device.RequestCount);
        Assert.Equal(0ul, rig.Device.GuestFeatures & Both);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadOnlyDisksRefuseBoth(bool modern)
    {
        using var rig = MakeRig(modern, d => d.HostFeatures |= VirtioBlkFeatures.ReadOnly).Started();
        Assert.Equal(BlockError.ReadOnly, rig.Driver.Discard(0, 8));
        Assert.Equal(BlockError.ReadOnly, rig.Driver.WriteZeroes(0, 8, unmap: false));
        Assert.Equal(0, rig.Device.RequestCount);
        AssertDisk(rig);
        rig.AssertClean();
    }

    /// <summary>The asynchronous API: several ranges in one request up to max_write_zeroes_seg, refused beyond it or
    /// above the sector limit; two requests queued and published together.</summary>
    [Fact]
    public void QueuedRequestsCarrySeveralSegments()
    {
        using var rig = MakeRig(modern: true, d =>
        {
            d.MaxWriteZeroesSeg = 3;
            d.MaxWriteZeroesSectors = 10;
            d.MaxDiscardSeg = 2;
        }).Started();
        BlockRange* ranges = stackalloc BlockRange[4];
        ranges[0] = new BlockRange(0, 2);
        ranges[1] = new BlockRange(50, 10);
        ranges[2] = new BlockRange(20, 1);
        ranges[3] = new BlockRange(30, 1);
        Assert.Equal(BlockError.BadBuffer, rig.Driver.EnqueueWriteZeroes(new ReadOnlySpan<BlockRange>(ranges, 4), false, out _));
        Assert.Equal(BlockError.BadBuffer, rig.Driver.EnqueueWriteZeroes(ReadOnlySpan<BlockRange>.Empty, false, out _));
        BlockRange tooLong = new(0, 11);
        Assert.Equal(BlockError.BadBuffer, rig.Driver.EnqueueWriteZeroes(new ReadOnlySpan<BlockRange>(&tooLong, 1), false, out _));
        BlockRange zero = new(0, 0);
        Assert.Equal(BlockError.BadBuffer, rig.Driver.EnqueueDiscard(new ReadOnlySpan<BlockRange>(&zero, 1), out _));
        Assert.Equal(BlockError.None, rig.Driver.EnqueueWriteZeroes(new ReadOnlySpan<BlockRange>(ranges, 3), true, out ushort a));
        Assert.Equal(BlockError.None, rig.Driver.EnqueueDiscard(new ReadOnlySpan<BlockRange>(ranges + 2, 2), out ushort b));
        Assert.Equal(0, rig.Device.RequestCount);   // queued, not published
        rig.Driver.Kick();
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(b));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(a));
        Assert.Equal(1ul, rig.Driver.Counters.Publishes);
        Assert.Equal(5, rig.Device.RangeSegments.Count);
        AssertDisk(rig, (0, 2), (50, 10), (20, 1), (30, 1));
        rig.AssertClean();
    }

    /// <summary>A device error fails that request only (5.2.6: the segments' state is then unknown); the next works.</summary>
    [Fact]
    public void AnIoErrorFailsThatRequestOnly()
    {
        using var rig = MakeRig(modern: false).Started();
        rig.Device.ForcedStatus = VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
        Assert.Equal(BlockError.IoError, rig.Driver.WriteZeroes(0, 4, unmap: false));
        rig.Device.ForcedStatus = VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP;
        Assert.Equal(BlockError.Unsupported, rig.Driver.Discard(0, 4));
        rig.Device.ForcedStatus = null;
        Assert.Equal(BlockError.None, rig.Driver.WriteZeroes(8, 4, unmap: false));
        AssertDisk(rig, (8, 4));
        rig.AssertClean();
    }

    /// <summary>Through indirect descriptors too: a discard takes one ring slot.</summary>
    [Fact]
    public void WorksThroughIndirectDescriptors()
    {
        using var rig = MakeRig(modern: true).Started(VirtioBlkFeatures.Default, 128);
        Assert.NotEqual(0ul, rig.Device.GuestFeatures & VirtioBlkFeatures.RingIndirectDesc);
        Assert.Equal(BlockError.None, rig.Driver.WriteZeroes(10, 20, unmap: true));
        Assert.Equal(BlockError.None, rig.Driver.Discard(40, 20));
        AssertDisk(rig, (10, 20), (40, 20));
        rig.AssertClean();
    }

    /// <summary>The same requests on each ring (split legacy and modern, packed), with indirect descriptors or not:
    /// several requests of several segments, both kinds queued together, the cache switched in between.</summary>
    [Theory]
    [InlineData(RingKind.LegacySplit, false)]
    [InlineData(RingKind.ModernSplit, true)]
    [InlineData(RingKind.ModernPacked, false)]
    [InlineData(RingKind.ModernPacked, true)]
    public void WorksOnEveryRing(RingKind kind, bool indirect)
    {
        using var rig = Rings.Rig(kind, more: d =>
        {
            d.HostFeatures |= Both;
            d.MaxWriteZeroesSectors = 9;
            d.MaxWriteZeroesSeg = 2;
            d.MaxDiscardSectors = 16;
            d.MaxDiscardSeg = 1;
        });
        rig.Started(indirect ? VirtioBlkFeatures.Default : Rig.DirectFeatures, 128);
        Rings.AssertRing(rig, kind);
        Assert.Equal(BlockError.None, rig.Driver.WriteZeroes(1, 50, unmap: true));
        Assert.Equal(BlockError.None, rig.Driver.SetWritebackCache(false));
        Assert.Equal(BlockError.None, rig.Driver.Discard(100, 40));
        BlockRange* two = stackalloc BlockRange[2];
        two[0] = new BlockRange(200, 9);
        two[1] = new BlockRange(220, 3);
        Assert.Equal(BlockError.None, rig.Driver.EnqueueWriteZeroes(new ReadOnlySpan<BlockRange>(two, 2), false, out ushort a));
        Assert.Equal(BlockError.None, rig.Driver.EnqueueDiscard(new ReadOnlySpan<BlockRange>(two + 1, 1), out ushort b));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(a));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(b));
        Assert.Equal(BlockError.None, rig.Driver.SetWritebackCache(true));
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        AssertDisk(rig, (1, 50), (100, 40), (200, 9), (220, 3));
        rig.AssertClean();
    }

    /// <summary>The segments cover exactly [sector, sector + count), in order, without gaps or overlaps.</summary>
    static void AssertCovers(IReadOnlyList<FakeRangeSegment> segments, ulong sector, ulong count)
    {
        ulong next = sector;
        foreach (FakeRangeSegment s in segments)
        {
            Assert.Equal(next, s.Sector);
            Assert.True(s.NumSectors > 0);
            next += s.NumSectors;
        }

        Assert.Equal(sector + count, next);
    }

    /// <summary>The fake's disk: zeroes in <paramref name="zeroed"/> (sector, count), the original bytes elsewhere.</summary>
    static void AssertDisk(Rig rig, params (ulong Sector, ulong Count)[] zeroed)
    {
        byte[] expected = (byte[])rig.Original.Clone();
        foreach (var (sector, count) in zeroed)
        {
            expected.AsSpan(checked((int)sector * 512), checked((int)count * 512)).Clear();
        }

        byte[] actual = rig.Device.ReadBack(0, rig.Original.Length / 512);
        Assert.True(expected.AsSpan().SequenceEqual(actual), "the disk differs from the expected zeroed ranges");
    }
}
