using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>Reads and writes against the fake device's image (virtio 1.x 5.2.6).</summary>
public class ReadWriteTests
{
    [Theory]
    [InlineData(0ul)]
    [InlineData(1ul)]
    [InlineData(37ul)]
    [InlineData(63ul)]   // the last sector
    public void ReadsOneSector(ulong sector)
    {
        using var rig = new Rig(sectors: 64).Started();
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(sector, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(sector, 1)));
        Assert.Equal(new Fakes.FakeRequest(VirtioBlkReqHeader.VIRTIO_BLK_T_IN, sector, 512, 0), Assert.Single(rig.Device.Requests));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(0ul, 2)]
    [InlineData(5ul, 8)]
    [InlineData(56ul, 8)]   // ends at the last sector
    [InlineData(0ul, 64)]   // the whole disk
    public void ReadsSeveralSectorsInOneRequest(ulong sector, int count)
    {
        using var rig = new Rig(sectors: 64).Started();
        Span<byte> buffer = rig.Buffer(count * 512);
        Assert.Equal(BlockError.None, rig.Driver.Read(sector, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(sector, count)));
        Assert.Equal(count * 512, Assert.Single(rig.Device.Requests).DataLength);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(0ul, 1)]
    [InlineData(63ul, 1)]
    [InlineData(10ul, 4)]
    [InlineData(48ul, 16)]
    public void WritesRoundTripThroughTheImage(ulong sector, int count)
    {
        using var rig = new Rig(sectors: 64).Started();
        Span<byte> data = rig.Buffer(count * 512);
        new Random((int)sector).NextBytes(data);
        Assert.Equal(BlockError.None, rig.Driver.Write(sector, data));

        // The image changed exactly there.
        byte[] expected = (byte[])rig.Original.Clone();
        data.CopyTo(expected.AsSpan((int)sector * 512));
        Assert.Equal(expected, rig.Device.Disk);

        // And reads back through the driver.
        Span<byte> back = rig.Buffer(count * 512);
        Assert.Equal(BlockError.None, rig.Driver.Read(sector, back));
        Assert.True(back.SequenceEqual(data));
        rig.AssertClean();
    }

    [Fact]
    public void ReadOfTheLastSectorWorksAndOnePastIsOutOfRange()
    {
        using var rig = new Rig(sectors: 64).Started();
        Span<byte> buffer = rig.Buffer(1024);
        Assert.Equal(BlockError.None, rig.Driver.Read(63, buffer[..512]));
        int notifies = rig.Device.NotifyCount;
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Read(64, buffer[..512]));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Read(63, buffer));   // straddles the end
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Read(ulong.MaxValue, buffer[..512]));
        Assert.Equal(notifies, rig.Device.NotifyCount);
        rig.AssertClean();
    }

    [Fact]
    public void WritePastTheEndIsOutOfRangeAndLeavesTheImage()
    {
        using var rig = new Rig(sectors: 64).Started();
        Span<byte> data = rig.Buffer(1024);
        data.Fill(0xEE);
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Write(64, data[..512]));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Write(63, data));
        Assert.Equal(BlockError.OutOfRange, rig.Driver.Write(ulong.MaxValue - 1, data));   // sector + count overflows
        Assert.Equal(rig.Original, rig.Device.Disk);
        Assert.Equal(0, rig.Device.NotifyCount);
        Assert.Equal(BlockError.None, rig.Driver.Write(63, data[..512]));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(511)]
    [InlineData(513)]
    [InlineData(1000)]
    public void LengthsNotAMultipleOf512AreBadBuffers(int length)
    {
        using var rig = new Rig(sectors: 64).Started();
        Span<byte> buffer = rig.Buffer(Math.Max(length, 1))[..length];
        Assert.Equal(BlockError.BadBuffer, rig.Driver.Read(0, buffer));
        Assert.Equal(BlockError.BadBuffer, rig.Driver.Write(0, buffer));
        Assert.Equal(rig.Original, rig.Device.Disk);
        Assert.Equal(0, rig.Device.NotifyCount);
        rig.AssertClean();
    }

    [Fact]
    public void ReadOnlyDeviceRefusesWritesBeforeTheDevice()
    {
        using var rig = new Rig(configure: d => d.HostFeatures |= VirtioBlkFeatures.ReadOnly).Started();
        Span<byte> data = rig.Buffer(512);
        data.Fill(0x42);
        Assert.Equal(BlockError.ReadOnly, rig.Driver.Write(0, data));
        Assert.Equal(0, rig.Device.NotifyCount);
        Assert.Equal(rig.Original, rig.Device.Disk);

        // Reads still work.
        Assert.Equal(BlockError.None, rig.Driver.Read(0, data));
        Assert.True(data.SequenceEqual(rig.OriginalSectors(0, 1)));
        rig.AssertClean();
    }

    [Fact]
    public unsafe void ReadOnlyDeviceRefusesSubmittedWritesAndChangesNothing()
    {
        using var rig = new Rig(configure: d => d.HostFeatures |= VirtioBlkFeatures.ReadOnly).Started();
        Span<byte> data = rig.Buffer(1024);
        data.Fill(0x42);
        fixed (byte* p = data)
        {
            Assert.Equal(BlockError.ReadOnly, rig.Driver.Submit(BlockOp.Write, 0, p, 1024, out ushort token));
            Assert.Equal(Virtio.VirtioBlk<Fakes.FakeRegisters, Fakes.TestDma, Fakes.FakeWait>.NoToken, token);
            Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Read, 0, p, 1024, out token));
            Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        }

        Assert.True(data.SequenceEqual(rig.OriginalSectors(0, 2)));
        Assert.Equal(rig.Original, rig.Device.Disk);
        Assert.Equal(1, rig.Device.NotifyCount);
        Assert.Equal("disk is read-only", BlockErrors.Describe(BlockError.ReadOnly));
        rig.AssertClean();
    }

    [Fact]
    public void InterleavedReadsAndWritesStayConsistent()
    {
        using var rig = new Rig(sectors: 32).Started();
        byte[] model = (byte[])rig.Original.Clone();
        var random = new Random(7);
        Span<byte> buffer = rig.Buffer(8 * 512);
        for (int i = 0; i < 500; i++)
        {
            int count = random.Next(1, 9);
            ulong sector = (ulong)random.Next(0, 32 - count + 1);
            Span<byte> chunk = buffer[..(count * 512)];
            if (random.Next(2) == 0)
            {
                random.NextBytes(chunk);
                Assert.Equal(BlockError.None, rig.Driver.Write(sector, chunk));
                chunk.CopyTo(model.AsSpan((int)sector * 512));
            }
            else
            {
                Assert.Equal(BlockError.None, rig.Driver.Read(sector, chunk));
                Assert.True(chunk.SequenceEqual(model.AsSpan((int)sector * 512, count * 512)));
            }
        }

        Assert.Equal(model, rig.Device.Disk);
        rig.AssertClean();
    }

    [Fact]
    public void PollingAsksTheDeviceForNoInterrupts()
    {
        using var rig = new Rig().Started();
        Assert.Equal(BlockError.None, rig.Driver.Read(0, rig.Buffer(512)));
        Assert.Equal(0u, rig.Device.InterruptStatus);
        Assert.Equal(0, rig.Device.InterruptsRaised);
        Assert.Equal(0, rig.Device.InterruptAcks);
        rig.AssertClean();
    }

    [Fact]
    public void GetIdReturnsTheSerial()
    {
        using var rig = new Rig(configure: d => d.Serial = "disk0").Started();
        Span<byte> id = rig.Buffer(20);
        Assert.Equal(BlockError.None, rig.Driver.GetId(id));
        Assert.Equal("disk0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray(), id.ToArray());
        Assert.Equal(BlockError.BadBuffer, rig.Driver.GetId(rig.Buffer(19)));
        Assert.Single(rig.Device.Requests);
        rig.AssertClean();
    }

    [Fact]
    public void FlushIsANoOpWhenNotNegotiated()
    {
        using var rig = new Rig().Started(VirtioBlkFeatures.Default & ~VirtioBlkFeatures.Flush, 128);
        Assert.Equal(0ul, rig.Driver.AcceptedFeatures & VirtioBlkFeatures.Flush);
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.Equal(0, rig.Device.NotifyCount);
        rig.AssertClean();
    }

    [Fact]
    public void FlushSendsAFlushRequestWhenNegotiated()
    {
        using var rig = new Rig();
        Assert.Equal(BlockError.None, rig.Initialize(VirtioBlkFeatures.Default | VirtioBlkFeatures.Flush, 16));
        Assert.NotEqual(0ul, rig.Device.GuestFeatures & VirtioBlkFeatures.Flush);
        Assert.Equal(BlockError.None, rig.Driver.Write(0, rig.Buffer(512)));
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.Equal(1, rig.Device.FlushCount);
        Assert.Equal(VirtioBlkReqHeader.VIRTIO_BLK_T_FLUSH, rig.Device.Requests[^1].Type);
        rig.AssertClean();
    }

    [Fact]
    public void FlushIsNotAcceptedWhenNotOffered()
    {
        using var rig = new Rig(configure: d => d.HostFeatures &= ~VirtioBlkFeatures.Flush);
        Assert.Equal(BlockError.None, rig.Initialize(VirtioBlkFeatures.Flush, 16));
        Assert.Equal(VirtioBlkFeatures.BlockSize, rig.Device.GuestFeatures);   // taken whenever offered
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Assert.Equal(0, rig.Device.FlushCount);
        rig.AssertClean();
    }
}
