using System.Runtime.CompilerServices;

namespace Kernel.Drivers.Virtio;

/// <summary>The virtqueue a device driver holds: one ring format chosen at initialisation, behind
/// <see cref="IVirtqueue"/>. It owns the memory plan of the format (how many bytes, where the descriptor, driver and
/// device areas start in one page-aligned area, what stays private to the driver), so the device driver above knows
/// neither the layout nor the format. Today the split ring (2.7), laid out as the legacy interface requires (one
/// contiguous area, used ring at <see cref="VirtqLegacyLayout.Alignment"/>), which also meets the modern interface's
/// alignments (16, 2 and 4 bytes).</summary>
public unsafe struct Virtqueue : IVirtqueue
{
    SplitVirtqueue _split;
    nuint _driverAreaOffset;
    nuint _deviceAreaOffset;

    /// <summary>The alignment the legacy interface is told (QueueAlign) for this queue's device area.</summary>
    public const uint LegacyAlign = VirtqLegacyLayout.Alignment;

    /// <summary>Bytes of the page-aligned area the device shares, for a queue of <paramref name="size"/> entries.</summary>
    public static nuint SharedBytes(uint size) => VirtqLegacyLayout.TotalSize(size, LegacyAlign);

    /// <summary>Bytes of driver-private bookkeeping (2-byte aligned) for a queue of <paramref name="size"/> entries.</summary>
    public static nuint PrivateBytes(uint size) => SplitVirtqueue.PrivateBytes(size);

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

    /// <summary>A queue of <paramref name="size"/> entries (a power of two) over a zeroed <paramref name="shared"/>
    /// area of <see cref="SharedBytes"/> and a <paramref name="privateArea"/> of <see cref="PrivateBytes"/>.</summary>
    public static Virtqueue Create(byte* shared, ushort* privateArea, ushort size)
    {
        Virtqueue queue = default;
        queue._driverAreaOffset = VirtqLegacyLayout.AvailOffset(size);
        queue._deviceAreaOffset = VirtqLegacyLayout.UsedOffset(size, LegacyAlign);
        queue._split = SplitVirtqueue.Create((VirtqDesc*)shared, (VirtqAvail*)(shared + queue._driverAreaOffset),
            (VirtqUsed*)(shared + queue._deviceAreaOffset), privateArea, size);
        return queue;
    }

    /// <summary>Where the driver area (split: the available ring) starts in the shared area.</summary>
    public readonly nuint DriverAreaOffset => _driverAreaOffset;

    /// <summary>Where the device area (split: the used ring) starts in the shared area.</summary>
    public readonly nuint DeviceAreaOffset => _deviceAreaOffset;

    /// <summary>The ring features negotiated: EVENT_IDX, and INDIRECT_DESC when <paramref name="indirectTables"/>
    /// (<see cref="IndirectBytes"/>, zeroed, at bus address <paramref name="indirectBus"/>) is not null. Called after
    /// every negotiation, before the queue is used.</summary>
    public void UseFeatures(bool eventIdx, VirtqDesc* indirectTables, ulong indirectBus) =>
        _split.UseFeatures(eventIdx, indirectTables, indirectBus, IndirectEntries(_split.Size));

    public readonly ushort Size => _split.Size;

    public readonly int FreeCount => _split.FreeCount;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int RingDescriptorsFor(int count) => _split.RingDescriptorsFor(count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryStartChain(int count, out ushort id) => _split.TryStartChain(count, out id);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddDescriptor(ulong busAddress, uint length, bool deviceWrites) =>
        _split.AddDescriptor(busAddress, length, deviceWrites);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MakeAvailable() => _split.MakeAvailable();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Publish() => _split.Publish();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTakeUsed(out VirtqUsedElem used) => _split.TryTakeUsed(out used);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool FreeChain(ushort id) => _split.FreeChain(id);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool EnableInterrupt() => _split.EnableInterrupt();

    public void SetNoInterrupt(bool noInterrupt) => _split.SetNoInterrupt(noInterrupt);

    public void RestartRings() => _split.RestartRings();
}
