using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The capacity field (two 32-bit reads) and long runs of requests.</summary>
public class CapacityAndRingTests
{
    [Fact]
    public void CapacityComesFromTheConfigurationSpace()
    {
        using var rig = new Rig(sectors: 64).Started();
        Assert.Equal(64ul, rig.Driver.CapacitySectors);
        Assert.Equal(64ul * 512, rig.Driver.CapacityBytes);
        rig.AssertClean();
    }

    [Fact]
    public void CapacityAbove4GSectorsIsReadWhole()
    {
        const ulong Capacity = 0x1_2345_6789;   // above 2^32 sectors: the high word matters
        using var rig = new Rig(configure: d => d.CapacitySectors = Capacity).Started();
        Assert.Equal(Capacity, rig.Driver.CapacitySectors);
        Assert.Equal(Capacity * 512, rig.Driver.CapacityBytes);

        // The last sector is reachable, one past it is not.
        Span<byte> data = rig.Buffer(512);
        data.Fill(0x3c);
        Assert.Equal(BlockError.None, rig.Driver.Write(Capacity - 1, data));
        Assert.True(rig.Device.ReadBack(Capacity - 1, 1).AsSpan().SequenceEqual(data));
        Span<byte> back = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(Capacity - 1, back));
        Assert.True(back.SequenceEqual(data));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Read(Capacity, back));
        Assert.Equal(BlockError.None, rig.Driver.Read(0x1_0000_0000, back));   // above 32 bits, below the end
        Assert.Equal(0x1_0000_0000ul, rig.Device.Requests[^1].Sector);
        rig.AssertClean();
    }

    [Fact]
    public void CapacityBytesSaturates()
    {
        using var rig = new Rig(configure: d => d.CapacitySectors = ulong.MaxValue).Started();
        Assert.Equal(ulong.MaxValue, rig.Driver.CapacitySectors);
        Assert.Equal(ulong.MaxValue, rig.Driver.CapacityBytes);
    }

    [Fact]
    public void ACapacityChangeBetweenTheTwoHalvesIsNotTorn()
    {
        // Before: 0x1_FFFF_FFFF; after the driver's first read of the high word it becomes 0x2_0000_0000. Reading low
        // then high would see 0x2_FFFF_FFFF, which was never the capacity.
        bool changed = false;
        using var rig = new Rig(configure: d =>
        {
            d.CapacitySectors = 0x1_FFFF_FFFF;
            d.AfterConfigRead = (device, offset) =>
            {
                if (offset == 4 && !changed)
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
        using var rig = new Rig(sectors: 16).Started();
        Span<byte> buffer = rig.Buffer(512);
        const int Requests = 70_000;
        for (int i = 0; i < Requests; i++)
        {
            ulong sector = (ulong)(i % 16);
            BlockError error = rig.Driver.Read(sector, buffer);
            if (error != BlockError.None)
            {
                Assert.Fail($"request {i}: {error}");
            }

            if (i % 9973 == 0 || i >= 65530 && i <= 65540)
            {
                Assert.True(buffer.SequenceEqual(rig.OriginalSectors(sector, 1)), $"request {i}");
            }
        }

        Assert.Equal(Requests, rig.Device.RequestCount);
        Assert.Equal(unchecked((ushort)Requests), rig.Device.UsedIdx);   // wrapped: 70000 - 65536
        Assert.Equal(BlockError.None, rig.Driver.Write(3, buffer));
        rig.AssertClean();
    }

    [Fact]
    public void SmallQueuesWrapTheirRingsToo()
    {
        using var rig = new Rig(sectors: 16, configure: d => d.QueueNumMax = 4).Started();
        Assert.Equal((ushort)4, rig.Driver.QueueSize);
        Span<byte> buffer = rig.Buffer(1024);
        for (int i = 0; i < 100; i++)
        {
            ulong sector = (ulong)(i % 15);
            Assert.Equal(BlockError.None, rig.Driver.Read(sector, buffer));
            Assert.True(buffer.SequenceEqual(rig.OriginalSectors(sector, 2)));
        }

        rig.AssertClean();
    }
}
