using System.Runtime.CompilerServices;

namespace Kernel.Drivers.Virtio;

/// <summary>The virtqueue a device driver holds: one ring format chosen at initialisation, behind
/// <see cref="IVirtqueue"/>. It owns the memory plan of the format (how many bytes, where the descriptor, driver and
/// device areas start in one page-aligned area, what stays private to the driver), so the device driver above knows
/// neither the layout nor the format. Either the split ring (2.7), laid out as the legacy interface requires (one
/// contiguous area, used ring at <see cref="VirtqLegacyLayout.Alignment"/>), which also meets the modern interface's
/// alignments (16, 2 and 4 bytes); or the packed ring (2.8, VIRTIO_F_RING_PACKED, modern interface only): the
/// descriptor ring, then the driver and the device event suppression structures (alignments 16, 4, 4).</summary>
public unsafe struct Virtqueue : IVirtqueue
{
    /// <summary>The split ring, valid when not <see cref="IsPacked"/>. Exposed so that a hot path tests the format once
    /// and then calls the ring itself (generic over <see cref="IVirtqueue"/>) instead of testing it in every call.</summary>
    internal SplitVirtqueue Split;

    /// <summary>The packed ring, valid when <see cref="IsPacked"/> (see <see cref="Split"/>).</summary>
    internal PackedVirtqueue Packed;

    bool _isPacked;
    nuint _driverAreaOffset;
    nuint _deviceAreaOffset;

    /// <summary>The alignment the legacy interface is told (QueueAlign) for this queue's device area.</summary>
    public const uint LegacyAlign = VirtqLegacyLayout.Alignment;

    /// <summary>Bytes of the page-aligned area the device shares, for a split queue of <paramref name="size"/> entries.</summary>
    public static nuint SharedBytes(uint size) => VirtqLegacyLayout.TotalSize(size, LegacyAlign);

    /// <summary>Bytes of the shared area for a queue of <paramref name="size"/> entries in the format
    /// <paramref name="packed"/> says.</summary>
    public static nuint SharedBytes(uint size, bool packed) =>
        packed ? PackedVirtqueue.RingBytes(size) + 2 * (nuint)sizeof(PvirtqEventSuppress) : SharedBytes(size);

    /// <summary>Bytes of driver-private bookkeeping (2-byte aligned) for a split queue of <paramref name="size"/> entries.</summary>
    public static nuint PrivateBytes(uint size) => SplitVirtqueue.PrivateBytes(size);

    /// <summary>Bytes of driver-private bookkeeping for a queue of <paramref name="size"/> entries in the format
    /// <paramref name="packed"/> says.</summary>
    public static nuint PrivateBytes(uint size, bool packed) =>
        packed ? PackedVirtqueue.PrivateBytes(size) : SplitVirtqueue.PrivateBytes(size);

    /// <summary>The most descriptors one indirect table holds: 64 (62 data segments and the request's framing), fewer
    /// for large queues so that the tables of a whole queue stay within 256 KiB, never fewer than 4; and never more
    /// than the queue size (2.7.5.3.1). A request needing more goes as a direct chain.</summary>
    public static int IndirectEntries(uint size)
    {
        uint entries = 256 * 1024 / (16 * size);
        entries = entries > 64 ? 64 : entries < 4 ? 4 : entries;
        return (int)(entries < size ? entries : size);
    }

    /// <summary>Bytes of the indirect tables (16-byte aligned, device-readable) of a queue of <paramref name="size"/>
    /// entries: one table of <see cref="IndirectEntries"/> descriptors per id.</summary>
    public static nuint IndirectBytes(uint size) => (nuint)(16 * size * (uint)IndirectEntries(size));

    /// <summary>A split queue of <paramref name="size"/> entries (a power of two) over a zeroed <paramref name="shared"/>
    /// area of <see cref="SharedBytes(uint)"/> and a <paramref name="privateArea"/> of <see cref="PrivateBytes(uint)"/>.</summary>
    public static Virtqueue Create(byte* shared, ushort* privateArea, ushort size) => Create(shared, privateArea, size, false);

    /// <summary>A queue of <paramref name="size"/> entries in the format <paramref name="packed"/> says, over a zeroed
    /// <paramref name="shared"/> area of <see cref="SharedBytes(uint, bool)"/> and a <paramref name="privateArea"/> of
    /// <see cref="PrivateBytes(uint, bool)"/>.</summary>
    public static Virtqueue Create(byte* shared, ushort* privateArea, ushort size, bool packed)
    {
        Virtqueue queue = default;
        queue._isPacked = packed;
        if (packed)
        {
            queue._driverAreaOffset = PackedVirtqueue.RingBytes(size);
            queue._deviceAreaOffset = queue._driverAreaOffset + (nuint)sizeof(PvirtqEventSuppress);
            queue.Packed = PackedVirtqueue.Create((PvirtqDesc*)shared, (PvirtqEventSuppress*)(shared + queue._driverAreaOffset),
                (PvirtqEventSuppress*)(shared + queue._deviceAreaOffset), privateArea, size);
            return queue;
        }

        queue._driverAreaOffset = VirtqLegacyLayout.AvailOffset(size);
        queue._deviceAreaOffset = VirtqLegacyLayout.UsedOffset(size, LegacyAlign);
        queue.Split = SplitVirtqueue.Create((VirtqDesc*)shared, (VirtqAvail*)(shared + queue._driverAreaOffset),
            (VirtqUsed*)(shared + queue._deviceAreaOffset), privateArea, size);
        return queue;
    }

    /// <summary>The packed ring (2.8); otherwise the split ring (2.7).</summary>
    public readonly bool IsPacked
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _isPacked;
    }

    /// <summary>Bytes of this queue's shared area.</summary>
    public readonly nuint SharedAreaBytes => SharedBytes(Size, _isPacked);

    /// <summary>Where the driver area (split: the available ring) starts in the shared area.</summary>
    public readonly nuint DriverAreaOffset => _driverAreaOffset;

    /// <summary>Where the device area (split: the used ring) starts in the shared area.</summary>
    public readonly nuint DeviceAreaOffset => _deviceAreaOffset;

    /// <summary>The ring features negotiated: EVENT_IDX, and INDIRECT_DESC when <paramref name="indirectTables"/>
    /// (<see cref="IndirectBytes"/>, zeroed, at bus address <paramref name="indirectBus"/>) is not null. Called after
    /// every negotiation, before the queue is used. A packed ring's tables hold <see cref="PvirtqDesc"/>, the same 16
    /// bytes.</summary>
    public void UseFeatures(bool eventIdx, VirtqDesc* indirectTables, ulong indirectBus)
    {
        if (_isPacked)
        {
            Packed.UseFeatures(eventIdx, (PvirtqDesc*)indirectTables, indirectBus, IndirectEntries(Packed.Size));
        }
        else
        {
            Split.UseFeatures(eventIdx, indirectTables, indirectBus, IndirectEntries(Split.Size));
        }
    }

    public readonly ushort Size
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _isPacked ? Packed.Size : Split.Size;
    }

    public readonly int FreeCount => _isPacked ? Packed.FreeCount : Split.FreeCount;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int RingDescriptorsFor(int count) => _isPacked ? Packed.RingDescriptorsFor(count) : Split.RingDescriptorsFor(count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryStartChain(int count, out ushort id) =>
        _isPacked ? Packed.TryStartChain(count, out id) : Split.TryStartChain(count, out id);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddDescriptor(ulong busAddress, uint length, bool deviceWrites)
    {
        if (_isPacked)
        {
            Packed.AddDescriptor(busAddress, length, deviceWrites);
        }
        else
        {
            Split.AddDescriptor(busAddress, length, deviceWrites);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAddFramed(ulong slotsBus, uint slotStride, uint headerLength, uint statusOffset, ulong dataBus,
        uint dataLength, bool dataWrites, out ushort id) =>
        _isPacked
            ? Packed.TryAddFramed(slotsBus, slotStride, headerLength, statusOffset, dataBus, dataLength, dataWrites, out id)
            : Split.TryAddFramed(slotsBus, slotStride, headerLength, statusOffset, dataBus, dataLength, dataWrites, out id);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MakeAvailable()
    {
        if (_isPacked)
        {
            Packed.MakeAvailable();
        }
        else
        {
            Split.MakeAvailable();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Publish() => _isPacked ? Packed.Publish() : Split.Publish();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTakeUsed(out VirtqUsedElem used) => _isPacked ? Packed.TryTakeUsed(out used) : Split.TryTakeUsed(out used);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool FreeChain(ushort id) => _isPacked ? Packed.FreeChain(id) : Split.FreeChain(id);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool EnableInterrupt() => _isPacked ? Packed.EnableInterrupt() : Split.EnableInterrupt();

    public void SetNoInterrupt(bool noInterrupt)
    {
        if (_isPacked)
        {
            Packed.SetNoInterrupt(noInterrupt);
        }
        else
        {
            Split.SetNoInterrupt(noInterrupt);
        }
    }

    public void RestartRings()
    {
        if (_isPacked)
        {
            Packed.RestartRings();
        }
        else
        {
            Split.RestartRings();
        }
    }
}
