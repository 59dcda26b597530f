using System.Runtime.CompilerServices;
using System.Threading;

namespace Kernel.Drivers.Virtio;

/// <summary>The driver's side of one packed virtqueue (virtio 1.2 2.8, VIRTIO_F_RING_PACKED): one ring of
/// <see cref="PvirtqDesc"/> that the driver and the device both write, and the two event suppression structures
/// (<see cref="PvirtqEventSuppress"/>). The driver writes buffers into the ring in order, wrapping at the end; the
/// device overwrites slots with used descriptors, one per buffer, in the order it completes them, and both sides skip
/// the rest of a buffer's slots. Whose a slot is says the pair of flags AVAIL/USED against each side's ring wrap
/// counter (2.8.1), which starts at 1 and flips each time the ring's last slot is passed.
/// <para>A buffer is named by a buffer id below <see cref="Size"/>, from a free list of ids, independent of the slots
/// it occupies; the device reports the id in the used descriptor. The driver keeps, in private memory the device never
/// sees, each id's number of ring slots (to skip to the next used descriptor, 2.8.6) and whether the device holds it,
/// so an id the device makes up, repeats or takes out of range cannot make the driver skip wrongly twice or index
/// outside its arrays: <see cref="TryTakeUsed"/> returns the id as read and the caller refuses it.</para>
/// <para>Ring slots are accounted as the split ring accounts descriptors: a buffer's slots count as taken until
/// <see cref="FreeChain"/>, not only until the device uses it. Slots are reused in ring order, so this is more than
/// enough to never overwrite a slot the device still owns (2.8.13: the driver must not change a descriptor before the
/// device marked it used), and <see cref="FreeCount"/> means what it means for the split ring.</para>
/// <para>Publishing many buffers at once (2.8.21.1): the first slot of the first buffer made available since the last
/// <see cref="Publish"/> keeps its old flags until <see cref="Publish"/>, which writes them after a barrier; every
/// later buffer is complete before that, and a device reads the ring in order, so it sees the whole batch or none of
/// it.</para></summary>
public unsafe struct PackedVirtqueue : IVirtqueue
{
    /// <summary>What a ring wrap counter starts at (2.8.1).</summary>
    const bool InitialWrap = true;

    PvirtqDesc* _ring;
    PvirtqEventSuppress* _driverEvent;
    PvirtqEventSuppress* _deviceEvent;
    ushort* _freeIds;
    ushort* _slots;
    ushort* _inDevice;
    ushort _size;
    ushort _freeIdCount;
    ushort _freeCount;

    // The driver's next slot to make available and its ring wrap counter; the next slot where the device will write a
    // used descriptor and the device's wrap counter there, as far as the driver has followed it.
    ushort _availPos;
    bool _availWrap;
    ushort _usedPos;
    bool _usedWrap;

    // The batch: made available since the last Publish; its first slot's flags are held back until then.
    bool _batchOpen;
    ushort _batchPos;
    bool _batchWrap;
    ushort _batchFlags;

    // The buffer being built.
    ushort _buildId;
    ushort _buildHeadPos;
    bool _buildHeadWrap;
    ushort _buildHeadFlags;
    ushort _buildRemaining;
    bool _buildFirst;
    PvirtqDesc* _buildTable;
    ushort _buildPosition;

    bool _eventIdx;
    bool _noInterrupt;
    PvirtqDesc* _indirect;
    ulong _indirectBus;
    ushort _indirectEntries;

    /// <summary>The bytes of driver-private memory <see cref="Create"/> needs for a queue of <paramref name="size"/>
    /// entries: three 16-bit words per buffer id (the free list of ids, the slots each holds, whether the device
    /// holds it).</summary>
    public static nuint PrivateBytes(uint size) => (nuint)(6 * size);

    /// <summary>Bytes of the descriptor ring (the descriptor area): 16 per slot.</summary>
    public static nuint RingBytes(uint size) => (nuint)(16 * size);

    /// <summary>A queue of <paramref name="size"/> slots (at most 32768, 2.8) over a zeroed ring and zeroed event
    /// suppression structures, every id free. <paramref name="privateArea"/> (<see cref="PrivateBytes"/>, 2-byte
    /// aligned) is the driver's own bookkeeping: never handed to the device.</summary>
    public static PackedVirtqueue Create(PvirtqDesc* ring, PvirtqEventSuppress* driverEvent,
        PvirtqEventSuppress* deviceEvent, ushort* privateArea, ushort size)
    {
        PackedVirtqueue queue = default;
        queue._ring = ring;
        queue._driverEvent = driverEvent;
        queue._deviceEvent = deviceEvent;
        queue._freeIds = privateArea;
        queue._slots = privateArea + size;
        queue._inDevice = privateArea + 2 * size;
        queue._size = size;
        for (int i = 0; i < size; i++)
        {
            // A stack of free ids, 0 on top.
            queue._freeIds[i] = (ushort)(size - 1 - i);
            queue._slots[i] = 0;
            queue._inDevice[i] = 0;
        }

        queue._freeIdCount = size;
        queue._freeCount = size;
        queue.RestartRings();
        return queue;
    }

    /// <summary>After a device reset, with the ring and both structures zeroed by the caller: both wrap counters are 1
    /// and both positions 0 again, nothing is in the device's hands. Ids still held (buffers not yet freed: results
    /// not collected) stay held, with their slots.</summary>
    public void RestartRings()
    {
        _availPos = 0;
        _availWrap = InitialWrap;
        _usedPos = 0;
        _usedWrap = InitialWrap;
        _batchOpen = false;
        _buildRemaining = 0;
        for (int i = 0; i < _size; i++)
        {
            _inDevice[i] = 0;
        }
    }

    /// <summary>What was negotiated, after every feature negotiation (before DRIVER_OK): VIRTIO_F_RING_EVENT_IDX
    /// (<paramref name="eventIdx"/>: RING_EVENT_FLAGS_DESC may be used and must be honoured, 2.8.10) and
    /// VIRTIO_F_INDIRECT_DESC (<paramref name="indirectTables"/> not null: one table of <paramref name="entries"/>
    /// descriptors per id at <paramref name="indirectBus"/> and on; a buffer of 2 to that many elements then takes one
    /// slot, 2.8.7). <paramref name="entries"/> is cut to the queue size (2.8.5: no list longer than the queue).</summary>
    public void UseFeatures(bool eventIdx, PvirtqDesc* indirectTables, ulong indirectBus, int entries)
    {
        _eventIdx = eventIdx;
        _indirect = indirectTables;
        _indirectBus = indirectBus;
        _indirectEntries = indirectTables == null ? (ushort)0 : (ushort)(entries < _size ? entries : _size);
    }

    public readonly ushort Size
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _size;
    }

    /// <summary>Ring slots not held by a buffer (made available and not yet freed).</summary>
    public readonly int FreeCount => _freeCount;

    /// <summary>The slot where the next buffer goes, and the driver's ring wrap counter there.</summary>
    public readonly ushort AvailPos => _availPos;

    public readonly bool AvailWrap => _availWrap;

    /// <summary>The slot where the driver looks for the next used descriptor, and the wrap counter it expects there.</summary>
    public readonly ushort UsedPos => _usedPos;

    public readonly bool UsedWrap => _usedWrap;

    /// <summary>1 for a buffer of 2 up to the indirect table's size when INDIRECT_DESC is in use, else
    /// <paramref name="count"/>.</summary>
    public readonly int RingDescriptorsFor(int count) => count > 1 && count <= _indirectEntries ? 1 : count;

    /// <summary>Takes a free buffer id and the ring slots a buffer of <paramref name="count"/> elements needs (one
    /// when it goes through the id's indirect table) and starts filling them (<see cref="AddDescriptor"/>).</summary>
    public bool TryStartChain(int count, out ushort id)
    {
        int slots = RingDescriptorsFor(count);
        if (count <= 0 || slots > _freeCount || _freeIdCount == 0)
        {
            id = 0;
            return false;
        }

        id = _freeIds[--_freeIdCount];
        _slots[id] = (ushort)slots;
        _freeCount -= (ushort)slots;
        _buildId = id;
        _buildRemaining = (ushort)count;
        _buildFirst = true;
        _buildTable = null;
        if (slots == 1 && count > 1)
        {
            // One slot pointing at the id's own table (2.8.7); in it WRITE is the only flag (no NEXT: the entries
            // follow each other), and on the slot itself WRITE means nothing, so it is clear.
            _buildTable = _indirect + id * _indirectEntries;
            _buildPosition = 0;
            PutSlot(_indirectBus + (ulong)(id * _indirectEntries * sizeof(PvirtqDesc)), (uint)(count * sizeof(PvirtqDesc)),
                PvirtqDesc.VIRTQ_DESC_F_INDIRECT);
        }

        return true;
    }

    /// <summary>A framed request's three elements (see <see cref="IVirtqueue.TryAddFramed"/>) in one call: the same
    /// bytes, in the same order, and the same state as <see cref="TryStartChain"/>, three <see cref="AddDescriptor"/>
    /// and <see cref="MakeAvailable"/> (tests/Driver.Tests <c>FramedRequestTests</c> compares the two). Every field it
    /// needs is read into a local before the first store: without alias information from the compiler, a field read
    /// after a store through a descriptor pointer would be read again.</summary>
    public bool TryAddFramed(ulong slotsBus, uint slotStride, uint headerLength, uint statusOffset, ulong dataBus,
        uint dataLength, bool dataWrites, out ushort id)
    {
        ushort size = _size;
        ushort freeIdCount = _freeIdCount;
        ushort freeCount = _freeCount;
        ushort entries = _indirectEntries;
        // RingDescriptorsFor(3) == 1, written out: through the call it costs 1 (split) to 4 (packed) more instructions
        // per request (-icount shift=0, 512 B reads at QD1).
        bool indirect = entries >= 3;
        ushort slots = indirect ? (ushort)1 : (ushort)3;
        if (slots > freeCount || freeIdCount == 0)
        {
            id = 0;
            return false;
        }

        ushort* freeIds = _freeIds;
        PvirtqDesc* ring = _ring;
        ushort pos = _availPos;
        bool wrap = _availWrap;
        id = freeIds[freeIdCount - 1];
        ushort buffer = id;
        _freeIdCount = (ushort)(freeIdCount - 1);
        _slots[buffer] = slots;
        _freeCount = (ushort)(freeCount - slots);
        ulong headerBus = slotsBus + (ulong)((uint)buffer * slotStride);
        ushort dataFlags = dataWrites ? PvirtqDesc.VIRTQ_DESC_F_WRITE : (ushort)0;

        // The buffer's first slot: its flags are held back (the batch's first until Publish, a later one's until the
        // rest of it is in place).
        ushort headPos = pos;
        bool headWrap = wrap;
        ushort headFlags;
        PvirtqDesc* d = ring + pos;
        if (indirect)
        {
            PvirtqDesc* table = _indirect + buffer * entries;
            headFlags = (ushort)(PvirtqDesc.VIRTQ_DESC_F_INDIRECT | AvailBits(wrap));
            WriteSlotBody(d, _indirectBus + (ulong)(buffer * entries * sizeof(PvirtqDesc)), 3 * (uint)sizeof(PvirtqDesc),
                buffer);
            Advance(ref pos, ref wrap, size);
            WriteTableEntry(table, headerBus, headerLength, 0);
            WriteTableEntry(table + 1, dataBus, dataLength, dataFlags);
            WriteTableEntry(table + 2, headerBus + statusOffset, 1, PvirtqDesc.VIRTQ_DESC_F_WRITE);
        }
        else
        {
            headFlags = (ushort)(PvirtqDesc.VIRTQ_DESC_F_NEXT | AvailBits(wrap));
            WriteSlotBody(d, headerBus, headerLength, buffer);
            Advance(ref pos, ref wrap, size);
            d = ring + pos;
            WriteSlotBody(d, dataBus, dataLength, buffer);
            Volatile.Write(ref d->Flags, (ushort)(dataFlags | PvirtqDesc.VIRTQ_DESC_F_NEXT | AvailBits(wrap)));
            Advance(ref pos, ref wrap, size);
            d = ring + pos;
            WriteSlotBody(d, headerBus + statusOffset, 1, buffer);
            Volatile.Write(ref d->Flags, (ushort)(PvirtqDesc.VIRTQ_DESC_F_WRITE | AvailBits(wrap)));
            Advance(ref pos, ref wrap, size);
        }

        _availPos = pos;
        _availWrap = wrap;
        Hand(buffer, headPos, headWrap, headFlags);
        return true;
    }

    /// <summary>AVAIL and USED of a slot made available with the driver's wrap counter <paramref name="wrap"/>
    /// (2.8.1: AVAIL = the counter, USED = its inverse).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ushort AvailBits(bool wrap) => wrap ? PvirtqDesc.VIRTQ_DESC_F_AVAIL : PvirtqDesc.VIRTQ_DESC_F_USED;

    /// <summary>The next slot after <paramref name="pos"/>, flipping the wrap counter past the ring's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Advance(ref ushort pos, ref bool wrap, ushort size)
    {
        if (++pos == size)
        {
            pos = 0;
            wrap = !wrap;
        }
    }

    /// <summary>A descriptor's address, length and buffer id: everything but its flags, which decide when the device
    /// may take it and so are written last (or held back).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void WriteSlotBody(PvirtqDesc* d, ulong busAddress, uint length, ushort id)
    {
        Volatile.Write(ref d->Addr, busAddress);
        Volatile.Write(ref d->Len, length);
        Volatile.Write(ref d->Id, id);
    }

    /// <summary>An entry of an indirect table: WRITE is its only flag (2.8.7), its id reserved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void WriteTableEntry(PvirtqDesc* t, ulong busAddress, uint length, ushort flags)
    {
        WriteSlotBody(t, busAddress, length, 0);
        Volatile.Write(ref t->Flags, flags);
    }

    /// <summary>Fills the next element of the buffer <see cref="TryStartChain"/> started: in the id's indirect table,
    /// or in the next ring slot with NEXT on all but the last (2.8.6).</summary>
    public void AddDescriptor(ulong busAddress, uint length, bool deviceWrites)
    {
        ushort flags = deviceWrites ? PvirtqDesc.VIRTQ_DESC_F_WRITE : (ushort)0;
        bool last = --_buildRemaining == 0;
        if (_buildTable != null)
        {
            // The table is the driver's own until the slot pointing at it is published; the device only reads it.
            WriteTableEntry(_buildTable + _buildPosition++, busAddress, length, flags);
            return;
        }

        PutSlot(busAddress, length, last ? flags : (ushort)(flags | PvirtqDesc.VIRTQ_DESC_F_NEXT));
    }

    /// <summary>Writes the next ring slot of the buffer being built, marked available with the driver's wrap counter
    /// at that slot (2.8.21.1: AVAIL = the counter, USED = its inverse), and moves on, flipping the counter past the
    /// ring's end. The buffer's first slot keeps its old flags: <see cref="MakeAvailable"/> or <see cref="Publish"/>
    /// writes them once everything after it is in place.</summary>
    void PutSlot(ulong busAddress, uint length, ushort flags)
    {
        flags |= AvailBits(_availWrap);
        PvirtqDesc* d = _ring + _availPos;
        WriteSlotBody(d, busAddress, length, _buildId);
        if (_buildFirst)
        {
            _buildFirst = false;
            _buildHeadPos = _availPos;
            _buildHeadWrap = _availWrap;
            _buildHeadFlags = flags;
        }
        else
        {
            Volatile.Write(ref d->Flags, flags);
        }

        if (++_availPos == _size)
        {
            _availPos = 0;
            _availWrap = !_availWrap;
        }
    }

    /// <summary>Ends the buffer just built: the device owns it from now on. The first buffer since the last
    /// <see cref="Publish"/> keeps its first slot's flags back (the whole batch becomes visible there); a later one's
    /// first slot is marked available now, invisible to the device until the batch's first is.</summary>
    public void MakeAvailable() => Hand(_buildId, _buildHeadPos, _buildHeadWrap, _buildHeadFlags);

    /// <summary><see cref="MakeAvailable"/> for buffer <paramref name="id"/>, whose first slot is at
    /// <paramref name="headPos"/> (wrap counter <paramref name="headWrap"/>) and gets <paramref name="headFlags"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Hand(ushort id, ushort headPos, bool headWrap, ushort headFlags)
    {
        _inDevice[id] = 1;
        if (!_batchOpen)
        {
            _batchOpen = true;
            _batchPos = headPos;
            _batchWrap = headWrap;
            _batchFlags = headFlags;
            return;
        }

        Volatile.Write(ref _ring[headPos].Flags, headFlags);
    }

    /// <summary>Makes the batch visible: a barrier (every slot and table written before, 2.8.21.1 "updating flags"),
    /// then the batch's first flags. Then, after a full barrier (2.8.21.3: before the device event suppression
    /// structure is read), whether to notify: not when the device set RING_EVENT_FLAGS_DISABLE; with EVENT_IDX and
    /// RING_EVENT_FLAGS_DESC only when the slot it named is among those just made available
    /// (<see cref="NeedEvent"/>); otherwise yes (ENABLE, the reserved value, or DESC without EVENT_IDX: a needless
    /// notification is harmless, a missing one a hang).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Publish()
    {
        if (!_batchOpen)
        {
            return false;
        }

        _batchOpen = false;
        DmaBarriers.Memory();
        Volatile.Write(ref _ring[_batchPos].Flags, _batchFlags);
        DmaBarriers.Memory();
        ushort flags = (ushort)(Volatile.Read(ref _deviceEvent->Flags) & PvirtqEventSuppress.FlagsMask);
        if (flags == PvirtqEventSuppress.RING_EVENT_FLAGS_DISABLE)
        {
            return false;
        }

        if (flags == PvirtqEventSuppress.RING_EVENT_FLAGS_DESC && _eventIdx)
        {
            return NeedEvent(Volatile.Read(ref _deviceEvent->Desc), _batchPos, _batchWrap, _availPos, _availWrap, _size);
        }

        return true;
    }

    /// <summary>The packed ring's wrap-safe event test (2.8.10 with EVENT_IDX): the slots from
    /// (<paramref name="oldPos"/>, <paramref name="oldWrap"/>) up to, not including, (<paramref name="newPos"/>,
    /// <paramref name="newWrap"/>), at most a whole ring, include the slot <paramref name="offWrap"/> names (offset in
    /// bits 0-14, wrap counter in bit 15). Positions are counted over two laps, the lap with wrap counter 1 first, so a
    /// range that crosses the ring's end compares correctly. An offset outside the ring names no slot the driver could
    /// make available: true (notify), never a hang.</summary>
    public static bool NeedEvent(ushort offWrap, ushort oldPos, bool oldWrap, ushort newPos, bool newWrap, ushort size)
    {
        ushort off = (ushort)(offWrap & ~PvirtqEventSuppress.WrapBit);
        if (off >= size)
        {
            return true;
        }

        bool wrap = (offWrap & PvirtqEventSuppress.WrapBit) != 0;
        uint laps = 2u * size;
        uint start = Linear(oldPos, oldWrap, size);
        uint moved = (Linear(newPos, newWrap, size) + laps - start) % laps;
        uint distance = (Linear(off, wrap, size) + laps - start) % laps;
        if (moved == 0)
        {
            moved = laps / 2;   // a whole ring made available: back at the same slot with the other counter
        }

        return distance < moved;
    }

    static uint Linear(ushort pos, bool wrap, ushort size) => wrap == InitialWrap ? pos : (uint)pos + size;

    /// <summary>Takes the next used descriptor (2.8.22): the slot at <see cref="UsedPos"/> is used when AVAIL and USED
    /// both match the wrap counter expected there (<see cref="IsUsed"/>). The id and length are read after the flags,
    /// behind a barrier; the length only when the device set WRITE (2.8.4: otherwise it is reserved, taken as 0). The
    /// driver then skips the slots that id's buffer took; an id out of range or not in the device's hands skips one
    /// slot, and the caller gives up on the device.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTakeUsed(out VirtqUsedElem used)
    {
        PvirtqDesc* d = _ring + _usedPos;
        ushort flags = Volatile.Read(ref d->Flags);
        if (!IsUsed(flags, _usedWrap))
        {
            used = default;
            return false;
        }

        DmaBarriers.Memory();
        ushort id = Volatile.Read(ref d->Id);
        uint len = (flags & PvirtqDesc.VIRTQ_DESC_F_WRITE) != 0 ? Volatile.Read(ref d->Len) : 0;
        ushort skip = 1;
        if (id < _size && _inDevice[id] != 0)
        {
            _inDevice[id] = 0;
            skip = _slots[id];
        }

        used.Id = id;
        used.Len = len;
        _usedPos += skip;
        if (_usedPos >= _size)
        {
            _usedPos -= _size;
            _usedWrap = !_usedWrap;
        }

        return true;
    }

    /// <summary>Gives back buffer <paramref name="id"/>: its slots count as free and the id goes back on the free
    /// list. False, changing nothing, when the id holds no buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool FreeChain(ushort id)
    {
        if (id >= _size || _slots[id] == 0)
        {
            return false;
        }

        _freeCount += _slots[id];
        _slots[id] = 0;
        _inDevice[id] = 0;
        _freeIds[_freeIdCount++] = id;
        return true;
    }

    /// <summary>Asks the device for no used buffer notifications (RING_EVENT_FLAGS_DISABLE, for a driver that polls),
    /// or for them again: RING_EVENT_FLAGS_DESC at the next used slot with EVENT_IDX (<see cref="EnableInterrupt"/>
    /// keeps it there), else RING_EVENT_FLAGS_ENABLE.</summary>
    public void SetNoInterrupt(bool noInterrupt)
    {
        _noInterrupt = noInterrupt;
        if (!noInterrupt && _eventIdx)
        {
            Volatile.Write(ref _driverEvent->Desc, UsedOffWrap);
        }

        ushort flags = noInterrupt ? PvirtqEventSuppress.RING_EVENT_FLAGS_DISABLE :
            _eventIdx ? PvirtqEventSuppress.RING_EVENT_FLAGS_DESC : PvirtqEventSuppress.RING_EVENT_FLAGS_ENABLE;
        Volatile.Write(ref _driverEvent->Flags, flags);
        EnableInterrupt();
    }

    /// <summary>After taking used buffers, before sleeping: with EVENT_IDX and interrupts wanted, moves the driver
    /// event to the slot of the next used descriptor (the device notifies when it writes one there, 2.8.10), then,
    /// after a full barrier, looks at that slot once more: a buffer used before the device saw the new event raised no
    /// interrupt. False when one is waiting (take it before sleeping). Polling, or without EVENT_IDX (the flags say
    /// DISABLE or ENABLE once and for all): true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool EnableInterrupt()
    {
        if (!_eventIdx || _noInterrupt)
        {
            return true;
        }

        Volatile.Write(ref _driverEvent->Desc, UsedOffWrap);
        DmaBarriers.Memory();
        return !IsUsed(Volatile.Read(ref _ring[_usedPos].Flags), _usedWrap);
    }

    /// <summary>A slot is used when AVAIL and USED are equal and match the wrap counter <paramref name="wrap"/>
    /// (2.8.1). USED alone is not enough: a slot the device skipped (not the first of its buffer) still holds the
    /// driver's available descriptor of the previous lap, whose USED bit is the inverse of that lap's counter, which
    /// is this lap's.</summary>
    static bool IsUsed(ushort flags, bool wrap) =>
        ((flags & PvirtqDesc.VIRTQ_DESC_F_USED) != 0) == wrap && ((flags & PvirtqDesc.VIRTQ_DESC_F_AVAIL) != 0) == wrap;

    /// <summary>The next used slot and its wrap counter as a desc_event field.</summary>
    readonly ushort UsedOffWrap => (ushort)(_usedPos | (_usedWrap ? PvirtqEventSuppress.WrapBit : 0));
}
