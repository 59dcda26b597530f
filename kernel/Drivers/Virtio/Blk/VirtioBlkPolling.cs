using System;
using Kernel.Drivers.Block;

namespace Kernel.Drivers.Virtio;

/// <summary>The virtio-blk driver as it was before interrupts: <see cref="VirtioBlk{TRegs, TDma, TWait}"/> waiting by
/// polling with a time limit counted in polls (<see cref="SpinCountWait"/>), with the same blocking API. Kept so that
/// existing callers (<c>VirtioBlk&lt;MmioRegisters, PageAllocator&gt;.Initialize(regs, dma, out disk)</c>) compile
/// unchanged; new code uses the three-parameter driver with the wait it wants, and its asynchronous API.
/// <para>A mutable struct: keep it in one variable (not a readonly field) and call it there.</para></summary>
public unsafe struct VirtioBlk<TRegs, TDma> : IBlockDevice
    where TRegs : struct, IMmioRegisters
    where TDma : struct, IDmaMemory
{
    /// <summary>The most queue entries the driver asks for (fewer if QueueNumMax is smaller).</summary>
    public const uint DefaultQueueSize = VirtioBlk<TRegs, TDma, SpinCountWait>.DefaultQueueSize;

    /// <summary>How many times a request polls the used ring before giving up (<see cref="SpinCountWait.DefaultLimit"/>).</summary>
    public const ulong DefaultSpinLimit = SpinCountWait.DefaultLimit;

    /// <summary>The page size the legacy interface is told (GuestPageSize), the unit of QueuePFN.</summary>
    public const uint PageSize = VirtioBlk<TRegs, TDma, SpinCountWait>.PageSize;

    VirtioBlk<TRegs, TDma, SpinCountWait> _device;

    /// <summary>Initialises the device behind <paramref name="regs"/> with the default features
    /// (<see cref="VirtioBlkFeatures.Default"/>) and queue size.</summary>
    public static BlockError Initialize(TRegs regs, TDma dma, out VirtioBlk<TRegs, TDma> device) =>
        Initialize(regs, dma, VirtioBlkFeatures.Default, DefaultQueueSize, out device);

    /// <summary>As <see cref="Initialize(TRegs, TDma, out VirtioBlk{TRegs, TDma})"/>, accepting the features of
    /// <paramref name="wantedFeatures"/> that the device offers and the driver implements, with at most
    /// <paramref name="maxQueueSize"/> queue entries.</summary>
    public static BlockError Initialize(TRegs regs, TDma dma, ulong wantedFeatures, uint maxQueueSize, out VirtioBlk<TRegs, TDma> device)
    {
        device = default;
        return VirtioBlk<TRegs, TDma, SpinCountWait>.Initialize(
            regs, dma, new SpinCountWait(DefaultSpinLimit), wantedFeatures, maxQueueSize, out device._device);
    }

    public readonly ulong CapacitySectors => _device.CapacitySectors;

    public readonly ulong CapacityBytes => _device.CapacityBytes;

    public readonly bool IsReadOnly => _device.IsReadOnly;

    public readonly bool IsReady => _device.IsReady;

    public readonly ulong OfferedFeatures => _device.OfferedFeatures;

    public readonly ulong AcceptedFeatures => _device.AcceptedFeatures;

    public readonly uint TransportVersion => _device.TransportVersion;

    public readonly ushort QueueSize => _device.QueueSize;

    public readonly uint BlockSize => _device.BlockSize;

    /// <summary>How many polls of the used ring a request waits before <see cref="BlockError.Timeout"/>
    /// (<see cref="DefaultSpinLimit"/> unless changed; at least 1).</summary>
    public ulong SpinLimit
    {
        readonly get => _device.CompletionWait.Limit;
        set => _device.CompletionWait = new SpinCountWait(value);
    }

    public BlockError Read(ulong sector, Span<byte> buffer) => _device.Read(sector, buffer);

    public BlockError Write(ulong sector, ReadOnlySpan<byte> buffer) => _device.Write(sector, buffer);

    public BlockError Flush() => _device.Flush();

    public BlockError GetId(Span<byte> id) => _device.GetId(id);
}
