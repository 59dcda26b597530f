using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>Requests whose data spans several descriptors: large requests, caller-supplied segments, SIZE_MAX and
/// SEG_MAX (virtio 1.x 5.2.4, 5.2.6) and the queue size as limits.</summary>
public unsafe class ScatterGatherTests
{
    const int MiB = 1 << 20;

    static Rig BigRig(int sectors = 4096, uint sizeMax = 0, uint segMax = 126, uint queueNumMax = 256, bool modern = false) =>
        new(sectors, arenaBytes: 8 << 20, configure: d =>
        {
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            }

            if (sizeMax != 0)
            {
                d.HostFeatures |= VirtioBlkFeatures.SizeMax;
                d.SizeMax = sizeMax;
            }

            d.SegMax = segMax;
            d.QueueNumMax = queueNumMax;
        });

    static BlockError Submit(Rig rig, BlockOp op, ulong sector, BlockSegment[] segments, out ushort token)
    {
        fixed (BlockSegment* p = segments)
        {
            return rig.Driver.Submit(op, sector, new ReadOnlySpan<BlockSegment>(p, segments.Length), out token);
        }
    }

    static BlockSegment Segment(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return new BlockSegment(p, (uint)buffer.Length);   // arena memory: native, never moves
        }
    }

    [Theory]
    [InlineData(false, 0u, 128u)]
    [InlineData(true, 0u, 128u)]
    [InlineData(false, 65536u, 128u)]
    [InlineData(true, 4096u, 512u)]   // 256 data descriptors: needs a queue of more than 258 entries
    public void OneMebibyteRoundTripsByteExactInOneRequest(bool modern, uint sizeMax, uint queueSize)
    {
        using var rig = BigRig(sectors: 4096, sizeMax: sizeMax, segMax: 1022, queueNumMax: 1024, modern: modern)
            .Started(VirtioBlkFeatures.Default, queueSize);
        Span<byte> data = rig.Arena.AllocateBuffer(MiB, 4096);   // page-aligned: exactly MiB / size_max pieces
        new Random(11).NextBytes(data);
        Assert.Equal(BlockError.None, rig.Driver.Write(1000, data));
        FakeRequest write = Assert.Single(rig.Device.Requests);
        Assert.Equal((VirtioBlkReqHeader.VIRTIO_BLK_T_OUT, 1000ul, MiB), (write.Type, write.Sector, write.DataLength));
        Assert.True(rig.Device.ReadBack(1000, 2048).AsSpan().SequenceEqual(data));
        Assert.Equal(sizeMax == 0 ? 1 : MiB / (int)sizeMax, rig.Device.MaxDataDescriptors);

        Span<byte> back = rig.Buffer(MiB);
        Assert.Equal(BlockError.None, rig.Driver.Read(1000, back));
        Assert.True(back.SequenceEqual(data));
        Assert.Equal(2, rig.Device.Requests.Count);

        // Nothing else on the disk moved.
        Assert.True(rig.Device.ReadBack(0, 1000).AsSpan().SequenceEqual(rig.OriginalSectors(0, 1000)));
        Assert.True(rig.Device.ReadBack(3048, 1048).AsSpan().SequenceEqual(rig.OriginalSectors(3048, 1048)));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(4096u, 0, 8 * 4096, 8)]       // page-aligned: one page per descriptor
    [InlineData(4096u, 512, 8 * 4096, 9)]     // unaligned: a short first piece, then whole pages, a short last one
    [InlineData(8192u, 100 * 16, 20 * 4096, 11)]
    [InlineData(1000u, 0, 8 * 512, 5)]        // smaller than a page and odd: cut at size_max itself
    [InlineData(512u, 16, 3 * 512, 3)]
    public void SegmentsAreSplitAtSizeMax(uint sizeMax, int offset, int length, int expectedDescriptors)
    {
        using var rig = BigRig(sectors: 256, sizeMax: sizeMax).Started();
        Assert.Equal(sizeMax, rig.Driver.MaxSegmentBytes);
        Span<byte> raw = rig.Arena.AllocateBuffer(offset + length, 4096);
        Span<byte> data = raw.Slice(offset, length);
        new Random(length).NextBytes(data);
        Assert.Equal(expectedDescriptors + 2, rig.Driver.DescriptorsFor([Segment(data)]));
        Assert.Equal(BlockError.None, rig.Driver.Write(3, data));
        Assert.Equal(expectedDescriptors, rig.Device.MaxDataDescriptors);
        Assert.True(rig.Device.ReadBack(3, length / 512).AsSpan().SequenceEqual(data));

        Span<byte> back = rig.Arena.AllocateBuffer(offset + length, 4096).Slice(offset, length);
        Assert.Equal(BlockError.None, rig.Driver.Read(3, back));
        Assert.True(back.SequenceEqual(data));
        rig.AssertClean();   // the fake flags any data descriptor above size_max
    }

    [Fact]
    public void CallerSegmentsAreGatheredInOrder()
    {
        using var rig = BigRig(sectors: 64).Started();
        // Three buffers far apart, of 512, 1536 and 1024 bytes: one 3 KiB write.
        Span<byte> a = rig.Buffer(512);
        rig.Buffer(4096);
        Span<byte> b = rig.Buffer(1536);
        rig.Buffer(100);
        Span<byte> c = rig.Buffer(1024);
        new Random(1).NextBytes(a);
        new Random(2).NextBytes(b);
        new Random(3).NextBytes(c);
        byte[] expected = [.. a.ToArray(), .. b.ToArray(), .. c.ToArray()];

        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Write, 10, [Segment(a), Segment(b), Segment(c)], out ushort token));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.Equal(3, rig.Device.MaxDataDescriptors);
        Assert.Equal(expected, rig.Device.ReadBack(10, 6));

        // And scattered back: segments need not be sector multiples, only their sum.
        Span<byte> x = rig.Buffer(700);
        Span<byte> y = rig.Buffer(2372);
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.Read, 10, [Segment(x), Segment(y)], out token));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.Equal(expected, (byte[])[.. x.ToArray(), .. y.ToArray()]);
        rig.AssertClean();
    }

    [Fact]
    public void GetIdCanBeScattered()
    {
        using var rig = BigRig(sectors: 8).Started();
        rig.Device.Serial = "0123456789abcdefghij";
        Span<byte> a = rig.Buffer(7);
        Span<byte> b = rig.Buffer(13);
        Assert.Equal(BlockError.None, Submit(rig, BlockOp.GetId, 0, [Segment(a), Segment(b)], out ushort token));
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.Equal("0123456789abcdefghij"u8.ToArray(), (byte[])[.. a.ToArray(), .. b.ToArray()]);
        Assert.Equal(BlockError.BadBuffer, Submit(rig, BlockOp.GetId, 0, [Segment(a)], out _));   // must be 20 bytes
        rig.AssertClean();
    }

    [Fact]
    public void MoreSegmentsThanSegMaxAreRefusedBeforeTheDevice()
    {
        using var rig = BigRig(sectors: 256, sizeMax: 512, segMax: 8).Started();
        Assert.Equal(8, rig.Driver.MaxSegments);
        Span<byte> data = rig.Buffer(16 * 512);
        Assert.Equal(BlockError.None, rig.Driver.Read(0, data[..(8 * 512)]));   // exactly seg_max pieces
        Assert.Equal(8, rig.Device.MaxDataDescriptors);
        int notifies = rig.Device.NotifyCount;
        Assert.Equal(BlockError.BadBuffer, rig.Driver.Read(0, data[..(9 * 512)]));
        Assert.Equal(BlockError.BadBuffer, rig.Driver.Write(0, data));
        Assert.Equal(-1, rig.Driver.DescriptorsFor([Segment(data)]));
        Assert.Equal(notifies, rig.Device.NotifyCount);
        Assert.Equal(rig.Original, rig.Device.Disk);
        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }

    [Fact]
    public void WithoutSegMaxTheQueueSizeIsTheLimit()
    {
        // A chain may not be longer than the queue (2.7.5.2... a driver cannot build one anyway): 16 entries, 14 data pieces.
        using var rig = BigRig(sectors: 64, sizeMax: 512, queueNumMax: 16, segMax: 1000).Started();
        Assert.Equal((ushort)16, rig.Driver.QueueSize);
        Assert.Equal(14, rig.Driver.MaxSegments);
        Span<byte> data = rig.Buffer(15 * 512);
        Assert.Equal(BlockError.None, rig.Driver.Read(0, data[..(14 * 512)]));
        Assert.Equal(BlockError.BadBuffer, rig.Driver.Read(0, data));
        Assert.Equal(1, rig.Device.NotifyCount);

        using var plain = new Rig(configure: d => { d.HostFeatures &= ~VirtioBlkFeatures.SegMax; d.QueueNumMax = 8; }).Started();
        Assert.Equal(6, plain.Driver.MaxSegments);
        rig.AssertClean();
        plain.AssertClean();
    }

    [Fact]
    public void SegMaxIsReadFromTheConfigurationAndCappedByTheQueue()
    {
        using var rig = BigRig(sectors: 8, segMax: 254).Started();   // QEMU: queue-size 256 less 2, whatever QueueNum is
        Assert.Equal(126, rig.Driver.MaxSegments);   // 128 entries less header and status
        using var small = BigRig(sectors: 8, segMax: 3).Started();
        Assert.Equal(3, small.Driver.MaxSegments);
        rig.AssertClean();
    }

    [Fact]
    public void BadSegmentsAreRefused()
    {
        using var rig = BigRig(sectors: 64).Started();
        Span<byte> data = rig.Buffer(1024);
        BlockSegment empty = new(null, 512);
        BlockSegment zero = new(Segment(data).Address, 0);
        Assert.Equal(BlockError.BadBuffer, Submit(rig, BlockOp.Read, 0, [empty], out ushort token));
        Assert.Equal(VirtioBlk<FakeRegisters, TestDma, FakeWait>.NoToken, token);
        Assert.Equal(BlockError.BadBuffer, Submit(rig, BlockOp.Read, 0, [Segment(data), zero], out _));
        Assert.Equal(BlockError.BadBuffer, Submit(rig, BlockOp.Read, 0, [Segment(data[..100])], out _));
        Assert.Equal(BlockError.BadBuffer, Submit(rig, BlockOp.Read, 0, [], out _));
        Assert.Equal(BlockError.BadBuffer, Submit(rig, BlockOp.Flush, 0, [Segment(data)], out _));
        Assert.Equal(BlockError.Unsupported, Submit(rig, (BlockOp)99, 0, [Segment(data)], out _));

        // The range check sees the whole request: 2 sectors at the last one overflow the disk.
        Assert.Equal(BlockError.OutOfRange, Submit(rig, BlockOp.Read, 63, [Segment(data[..512]), Segment(data[512..])], out _));
        Assert.Equal(BlockError.OutOfRange, Submit(rig, BlockOp.Write, ulong.MaxValue, [Segment(data)], out _));
        Assert.Equal(0, rig.Device.NotifyCount);
        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }
}
