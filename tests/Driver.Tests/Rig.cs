using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>One fake machine: a DMA arena, a fake virtio-blk device over a disk image filled with a known pattern,
/// the wait the driver uses (<see cref="Waiting"/>: polling unless <c>interrupts</c>) and the driver.
/// <see cref="Driver"/> is a field because the driver is a mutable struct: calls on it must reach this copy.</summary>
public sealed unsafe class Rig : IDisposable
{
    public readonly DmaArena Arena;
    public readonly FakeVirtioBlkDevice Device;
    public readonly FakeWaitState Waiting;
    public readonly byte[] Original;
    public VirtioBlk<FakeRegisters, TestDma, FakeWait> Driver;

    public Rig(int sectors = 64, nuint arenaBytes = 1 << 20, Action<FakeVirtioBlkDevice>? configure = null, bool interrupts = false)
    {
        Arena = new DmaArena(arenaBytes);
        var image = new byte[sectors * 512];
        new Random(12345).NextBytes(image);
        Original = (byte[])image.Clone();
        Device = new FakeVirtioBlkDevice(Arena, image);
        Waiting = new FakeWaitState(Device) { Interrupts = interrupts };
        configure?.Invoke(Device);
    }

    public FakeRegisters Registers => new(Device);

    public TestDma Dma => new(Arena);

    public FakeWait Wait => new(Waiting);

    /// <summary>The features <see cref="Initialize()"/> asks for: the driver's defaults without INDIRECT_DESC, so that
    /// a request is the direct chain most tests count descriptors in (header, data, status: 3 for one segment).
    /// EVENT_IDX is among them. Indirect descriptors have their own tests (IndirectAndEventIdxTests) and a dimension
    /// of the randomized and matrix tests.</summary>
    public const ulong DirectFeatures = VirtioBlkFeatures.Default & ~VirtioBlkFeatures.RingIndirectDesc;

    /// <summary>Runs the driver's initialisation with <see cref="DirectFeatures"/> and the default queue size.</summary>
    public BlockError Initialize() => VirtioBlk<FakeRegisters, TestDma, FakeWait>.Initialize(
        Registers, Dma, Wait, DirectFeatures, VirtioBlk<FakeRegisters, TestDma, FakeWait>.DefaultQueueSize, out Driver);

    /// <summary>Runs the driver's initialisation asking for <paramref name="features"/> and at most
    /// <paramref name="maxQueueSize"/> entries.</summary>
    public BlockError Initialize(ulong features, uint maxQueueSize) =>
        VirtioBlk<FakeRegisters, TestDma, FakeWait>.Initialize(Registers, Dma, Wait, features, maxQueueSize, out Driver);

    /// <summary>Initialises and asserts success.</summary>
    public Rig Started()
    {
        Assert.Equal(BlockError.None, Initialize());
        return this;
    }

    /// <summary>Initialises with <paramref name="features"/> and <paramref name="maxQueueSize"/> and asserts success.</summary>
    public Rig Started(ulong features, uint maxQueueSize)
    {
        Assert.Equal(BlockError.None, Initialize(features, maxQueueSize));
        return this;
    }

    /// <summary><paramref name="bytes"/> of DMA-visible memory for request data.</summary>
    public Span<byte> Buffer(int bytes) => Arena.AllocateBuffer(bytes);

    /// <summary>The image's bytes of <paramref name="count"/> sectors from <paramref name="sector"/> as they were at the start.</summary>
    public ReadOnlySpan<byte> OriginalSectors(ulong sector, int count) => Original.AsSpan(checked((int)sector * 512), count * 512);

    /// <summary>Neither the device nor the DMA arena saw the driver break a rule, and nothing wrote outside the
    /// arena's allocations (its canaries are intact).</summary>
    public void AssertClean()
    {
        Assert.Empty(Device.Violations);
        Assert.Empty(Arena.Violations);
        Assert.Empty(Arena.CheckCanaries());
    }

    public void Dispose() => Arena.Dispose();
}
