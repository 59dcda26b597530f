using Kernel.Drivers.Block;
using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary><c>VirtioBlk&lt;TRegs, TDma&gt;</c>, the two-parameter driver existing callers use: the blocking API over
/// <see cref="SpinCountWait"/>.</summary>
public class CompatibilityTests
{
    [Fact]
    public void TheTwoParameterDriverReadsWritesFlushesAndGetsTheId()
    {
        using var rig = new Rig(sectors: 64, configure: d => d.Serial = "disk0");
        Assert.Equal(BlockError.None, VirtioBlk<FakeRegisters, TestDma>.Initialize(rig.Registers, rig.Dma, out var disk));
        Assert.True(disk.IsReady);
        Assert.Equal(64ul, disk.CapacitySectors);
        Assert.Equal(64ul * 512, disk.CapacityBytes);
        Assert.Equal((ushort)128, disk.QueueSize);
        Assert.Equal(1u, disk.TransportVersion);
        Assert.Equal(512u, disk.BlockSize);
        Assert.False(disk.IsReadOnly);
        Assert.Equal(FakeVirtioBlkDevice.QemuLikeFeatures, disk.OfferedFeatures);
        Assert.NotEqual(0ul, disk.AcceptedFeatures & VirtioBlkFeatures.Flush);

        Span<byte> buffer = rig.Buffer(1024);
        Assert.Equal(BlockError.None, disk.Read(2, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(2, 2)));
        buffer.Fill(0x11);
        Assert.Equal(BlockError.None, disk.Write(2, buffer));
        Assert.Equal(BlockError.None, disk.Flush());
        Assert.Equal(1, rig.Device.FlushCount);
        Assert.True(rig.Device.ReadBack(2, 2).AsSpan().SequenceEqual(buffer));
        Span<byte> id = rig.Buffer(20);
        Assert.Equal(BlockError.None, disk.GetId(id));
        Assert.Equal("disk0"u8.ToArray(), id[..5].ToArray());
        Assert.Equal(BlockError.OutOfRange, disk.Read(64, buffer));

        // It is an IBlockDevice, so BlockIo works on it.
        Assert.Equal(BlockError.None, BlockIo.ReadBytes(ref disk, 1030, buffer[..10], rig.Buffer(512)));
        Assert.True(buffer[..10].SequenceEqual(rig.Device.ReadBack(2, 1).AsSpan(6, 10)));
        rig.AssertClean();
    }

    [Fact]
    public void TheSpinLimitDefaultsToSomethingLargeAndIsNeverZero()
    {
        using var rig = new Rig();
        Assert.Equal(BlockError.None, VirtioBlk<FakeRegisters, TestDma>.Initialize(rig.Registers, rig.Dma, out var disk));
        Assert.Equal(VirtioBlk<FakeRegisters, TestDma>.DefaultSpinLimit, disk.SpinLimit);
        Assert.Equal(SpinCountWait.DefaultLimit, disk.SpinLimit);
        Assert.True(disk.SpinLimit >= 1_000_000);
        disk.SpinLimit = 0;
        Assert.Equal(1ul, disk.SpinLimit);
        Assert.Equal(SpinCountWait.DefaultLimit, default(SpinCountWait).Limit);
    }

    [Fact]
    public void AHungDeviceTimesOutAfterTheSpinLimit()
    {
        using var rig = new Rig(configure: d => d.Completion = CompletionMode.Never);
        Assert.Equal(BlockError.None, VirtioBlk<FakeRegisters, TestDma>.Initialize(
            rig.Registers, rig.Dma, VirtioBlkFeatures.Default, 16, out var disk));
        Assert.Equal((ushort)16, disk.QueueSize);
        disk.SpinLimit = 5000;
        Assert.Equal(BlockError.Timeout, disk.Read(0, rig.Buffer(512)));

        // Reset and initialised again: the device works as soon as it answers.
        Assert.True(disk.IsReady);
        Assert.Equal(2, rig.Device.ResetCount - 1);
        rig.Device.Completion = CompletionMode.Immediate;
        Assert.Equal(BlockError.None, disk.Write(0, rig.Buffer(512)));
        rig.AssertClean();
    }

    [Fact]
    public void SpinCountWaitCountsItsPolls()
    {
        var wait = new SpinCountWait(3);
        Assert.False(wait.UsesInterrupts);
        wait.Start();
        Assert.True(wait.Wait());
        Assert.True(wait.Wait());
        Assert.False(wait.Wait());
        wait.Start();
        Assert.True(wait.Wait());
    }
}
