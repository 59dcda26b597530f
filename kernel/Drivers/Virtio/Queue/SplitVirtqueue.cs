using System.Runtime.CompilerServices;
using System.Threading;

namespace Kernel.Drivers.Virtio;

/// <summary>The driver's side of one split virtqueue (virtio 1.x 2.7): the descriptor table, the available ring it
/// writes, the used ring the device writes, a free list of descriptors, and the two indexes the driver keeps. A
/// buffer's id is the index of its chain's head descriptor.
/// Transport-neutral: the legacy and the modern transport differ only in where the three areas are and how the
/// device learns their addresses. Every access to memory the device shares is volatile; the barriers are the ones
/// 2.7.13 and 2.7.14 ask for.
/// <para>The driver never trusts what it reads back from memory the device can write: the free list and the links of
/// every chain live in driver-private memory (<see cref="PrivateBytes"/>), together with each chain's length, so a
/// device that scribbles on the descriptor table cannot make the driver free a descriptor twice or index outside the
/// table; the descriptors' <c>next</c> fields are written from that private copy and never read.</para></summary>
public unsafe struct SplitVirtqueue : IVirtqueue
{
    VirtqDesc* _desc;
    VirtqAvail* _avail;
    VirtqUsed* _used;
    ushort* _links;
    ushort* _chainLengths;
    ushort* _chainTails;
    ushort _size;
    ushort _freeHead;
    ushort _freeCount;
    ushort _availIdx;
    ushort _publishedIdx;
    ushort _lastUsedIdx;
    ushort _seenUsedIdx;
    ushort _buildHead;
    ushort _buildNext;
    ushort _buildRemaining;
    bool _eventIdx;
    bool _noInterrupt;
    VirtqDesc* _indirect;
    ulong _indirectBus;
    ushort _indirectEntries;
    VirtqDesc* _buildTable;
    ushort _buildPosition;

    /// <summary>The bytes of driver-private memory <see cref="Create"/> needs for a queue of <paramref name="size"/>
    /// entries (three 16-bit words per descriptor: its link and, for a chain's head, the chain's length and its last
    /// descriptor, so that freeing a chain splices it back without walking it).</summary>
    public static nuint PrivateBytes(uint size) => (nuint)(6 * size);

    /// <summary>A queue over zeroed memory of <paramref name="size"/> entries (a power of two, 2.7: the ring indexes
    /// wrap by masking); every descriptor is free.
    /// <paramref name="privateArea"/> (<see cref="PrivateBytes"/>, 2-byte aligned) is the driver's own bookkeeping:
    /// never handed to the device.</summary>
    public static SplitVirtqueue Create(VirtqDesc* desc, VirtqAvail* avail, VirtqUsed* used, ushort* privateArea, ushort size)
    {
        SplitVirtqueue queue = default;
        queue._desc = desc;
        queue._avail = avail;
        queue._used = used;
        queue._links = privateArea;
        queue._chainLengths = privateArea + size;
        queue._chainTails = privateArea + 2 * size;
        queue._size = size;
        for (int i = 0; i < size; i++)
        {
            // Free descriptors are linked through the private links, in order.
            queue._links[i] = (ushort)(i + 1 < size ? i + 1 : 0);
            queue._chainLengths[i] = 0;
            queue._chainTails[i] = 0;
        }

        queue._freeHead = 0;
        queue._freeCount = size;
        return queue;
    }

    /// <summary>After a device reset, with the ring memory zeroed by the caller: both ring indexes start again at 0.
    /// The free list and the chains still held (requests completed but not collected) are the driver's and stay.</summary>
    public void RestartRings()
    {
        _availIdx = 0;
        _publishedIdx = 0;
        _lastUsedIdx = 0;
        _seenUsedIdx = 0;
        _buildRemaining = 0;
    }

    /// <summary>What was negotiated, after every feature negotiation (before DRIVER_OK): VIRTIO_F_EVENT_IDX
    /// (<paramref name="eventIdx"/>: used_event and avail_event replace the flags, 2.7.7, 2.7.10) and
    /// VIRTIO_F_INDIRECT_DESC (<paramref name="indirectTables"/> not null: one table of <paramref name="entries"/>
    /// descriptors per id, at bus address <paramref name="indirectBus"/> and on, zeroed; a request of more than one
    /// and at most that many descriptors then takes one ring descriptor, 2.7.5.3). <paramref name="entries"/> is cut
    /// to the queue size: no chain may be longer (2.7.5.3.1).</summary>
    public void UseFeatures(bool eventIdx, VirtqDesc* indirectTables, ulong indirectBus, int entries)
    {
        _eventIdx = eventIdx;
        _indirect = indirectTables;
        _indirectBus = indirectBus;
        _indirectEntries = indirectTables == null ? (ushort)0 : (ushort)(entries < _size ? entries : _size);
    }

    /// <summary>The number of entries (the queue size negotiated with the device).</summary>
    public readonly ushort Size
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _size;
    }

    /// <summary>Descriptors not part of a chain the driver has handed out.</summary>
    public readonly int FreeCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _freeCount;
    }

    /// <summary>The driver's next available-ring index (what it last published in avail->idx).</summary>
    public readonly ushort AvailIdx => _availIdx;

    /// <summary>The used-ring index up to which the driver has consumed completions.</summary>
    public readonly ushort LastUsedIdx => _lastUsedIdx;

    /// <summary>1 for a chain of 2 up to the indirect table's size when INDIRECT_DESC is in use, else
    /// <paramref name="count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int RingDescriptorsFor(int count) => count > 1 && count <= _indirectEntries ? 1 : count;

    /// <summary>Takes <paramref name="count"/> descriptors off the free list as one chain headed by
    /// <paramref name="id"/> and starts filling it (<see cref="AddDescriptor"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryStartChain(int count, out ushort id)
    {
        if (RingDescriptorsFor(count) == 1 && count > 1)
        {
            // One ring descriptor pointing at the id's own table (2.7.5.3): INDIRECT alone, never with NEXT; its
            // WRITE flag means nothing to the device, so it is clear.
            if (!TryTakeChain(1, out id))
            {
                return false;
            }

            _buildTable = _indirect + id * _indirectEntries;
            _buildPosition = 0;
            _buildHead = id;
            _buildRemaining = (ushort)count;
            VirtqDesc* d = _desc + id;
            Volatile.Write(ref d->Addr, _indirectBus + (ulong)(id * _indirectEntries * sizeof(VirtqDesc)));
            Volatile.Write(ref d->Len, (uint)(count * sizeof(VirtqDesc)));
            Volatile.Write(ref d->Flags, VirtqDesc.VIRTQ_DESC_F_INDIRECT);
            Volatile.Write(ref d->Next, (ushort)0);
            return true;
        }

        if (!TryTakeChain(count, out id))
        {
            return false;
        }

        _buildTable = null;
        _buildHead = id;
        _buildNext = id;
        _buildRemaining = (ushort)count;
        return true;
    }

    /// <summary>A framed request's three descriptors in one call (see <see cref="IVirtqueue.TryAddFramed"/>): the same
    /// descriptors, links and available-ring entry as <see cref="TryStartChain"/>, <see cref="AddDescriptor"/> and
    /// <see cref="MakeAvailable"/> would write, with every field the call needs read into a local before the first
    /// store. rvc gives LLVM no alias information, so a field read after a store through a descriptor pointer would be
    /// read again from memory (and a field kept between calls stored and reloaded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAddFramed(ulong slotsBus, uint slotStride, uint headerLength, uint statusOffset, ulong dataBus,
        uint dataLength, bool dataWrites, out ushort id)
    {
        ushort* links = _links;
        VirtqDesc* desc = _desc;
        ushort freeCount = _freeCount;
        ushort head = _freeHead;
        ushort availIdx = _availIdx;
        ushort mask = (ushort)(_size - 1);   // the size is a power of two (2.7)
        ushort* ring = VirtqAvail.Ring(_avail);
        ushort entries = _indirectEntries;
        // RingDescriptorsFor(3) == 1, written out: through the call it costs 1 (split) to 4 (packed) more instructions
        // per request (-icount shift=0, 512 B reads at QD1).
        bool indirect = entries >= 3;
        if (freeCount < (indirect ? 1 : 3))
        {
            id = 0;
            return false;
        }

        id = head;
        ulong headerBus = slotsBus + (ulong)((uint)head * slotStride);
        ushort dataFlags = dataWrites ? VirtqDesc.VIRTQ_DESC_F_WRITE : (ushort)0;
        VirtqDesc* header;
        VirtqDesc* dataDesc;
        VirtqDesc* status;
        ushort dataNext;
        ushort statusNext;
        if (indirect)
        {
            // One ring descriptor pointing at the id's own table (2.7.5.3), as TryStartChain does; in the table entry i
            // links to i + 1.
            VirtqDesc* table = _indirect + head * entries;
            ulong tableBus = _indirectBus + (ulong)(head * entries * sizeof(VirtqDesc));
            _freeHead = links[head];
            _freeCount = (ushort)(freeCount - 1);
            _chainLengths[head] = 1;
            _chainTails[head] = head;
            _availIdx = (ushort)(availIdx + 1);
            VirtqDesc* d = desc + head;
            Volatile.Write(ref d->Addr, tableBus);
            Volatile.Write(ref d->Len, (uint)(3 * sizeof(VirtqDesc)));
            Volatile.Write(ref d->Flags, VirtqDesc.VIRTQ_DESC_F_INDIRECT);
            Volatile.Write(ref d->Next, (ushort)0);
            header = table;
            dataDesc = table + 1;
            status = table + 2;
            dataNext = 1;
            statusNext = 2;
        }
        else
        {
            dataNext = links[head];
            statusNext = links[dataNext];
            _freeHead = links[statusNext];
            _freeCount = (ushort)(freeCount - 3);
            _chainLengths[head] = 3;
            _chainTails[head] = statusNext;
            _availIdx = (ushort)(availIdx + 1);
            header = desc + head;
            dataDesc = desc + dataNext;
            status = desc + statusNext;
        }

        Volatile.Write(ref header->Addr, headerBus);
        Volatile.Write(ref header->Len, headerLength);
        Volatile.Write(ref header->Flags, VirtqDesc.VIRTQ_DESC_F_NEXT);
        Volatile.Write(ref header->Next, dataNext);
        Volatile.Write(ref dataDesc->Addr, dataBus);
        Volatile.Write(ref dataDesc->Len, dataLength);
        Volatile.Write(ref dataDesc->Flags, (ushort)(dataFlags | VirtqDesc.VIRTQ_DESC_F_NEXT));
        Volatile.Write(ref dataDesc->Next, statusNext);
        Volatile.Write(ref status->Addr, headerBus + statusOffset);
        Volatile.Write(ref status->Len, 1u);
        Volatile.Write(ref status->Flags, VirtqDesc.VIRTQ_DESC_F_WRITE);
        Volatile.Write(ref status->Next, (ushort)0);
        Volatile.Write(ref ring[availIdx & mask], head);
        return true;
    }

    /// <summary>Fills the next descriptor of the chain <see cref="TryStartChain"/> took: VIRTQ_DESC_F_NEXT and the
    /// next link from the driver's private list, except on the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddDescriptor(ulong busAddress, uint length, bool deviceWrites)
    {
        if (_buildTable != null)
        {
            // In the table, entry i links to i + 1 (the table is the driver's own: the device only reads it).
            ushort position = _buildPosition++;
            bool end = --_buildRemaining == 0;
            VirtqDesc* t = _buildTable + position;
            ushort flags = deviceWrites ? VirtqDesc.VIRTQ_DESC_F_WRITE : (ushort)0;
            Volatile.Write(ref t->Addr, busAddress);
            Volatile.Write(ref t->Len, length);
            Volatile.Write(ref t->Flags, end ? flags : (ushort)(flags | VirtqDesc.VIRTQ_DESC_F_NEXT));
            Volatile.Write(ref t->Next, end ? (ushort)0 : (ushort)(position + 1));
            return;
        }

        ushort index = _buildNext;
        bool last = --_buildRemaining == 0;
        SetChainDescriptor(index, busAddress, length, deviceWrites, last);
        _buildNext = _links[index];
    }

    /// <summary>Takes <paramref name="count"/> descriptors off the free list as one chain: they stay linked in
    /// free-list order, starting at <paramref name="head"/> (walk it with <see cref="NextOf"/>). False, taking nothing,
    /// when fewer are free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTakeChain(int count, out ushort head)
    {
        if (count <= 0 || count > _freeCount)
        {
            head = 0;
            return false;
        }

        head = _freeHead;
        ushort last = head;
        for (int i = 1; i < count; i++)
        {
            last = _links[last];
        }

        _freeHead = _links[last];
        _freeCount -= (ushort)count;
        _chainLengths[head] = (ushort)count;
        _chainTails[head] = last;
        return true;
    }

    /// <summary>The descriptor after <paramref name="index"/> in a chain taken with <see cref="TryTakeChain"/>.</summary>
    public readonly ushort NextOf(ushort index) => _links[index];

    /// <summary>The number of descriptors of the chain headed by <paramref name="head"/>, 0 when no chain taken with
    /// <see cref="TryTakeChain"/> and not yet freed starts there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int ChainLength(ushort head) => head < _size ? _chainLengths[head] : 0;

    /// <summary>Fills descriptor <paramref name="index"/> of a chain taken with <see cref="TryTakeChain"/>: a buffer at
    /// bus address <paramref name="busAddress"/>, device-writable when <paramref name="deviceWrites"/>, with
    /// VIRTQ_DESC_F_NEXT and the chain's next descriptor unless it is the <paramref name="last"/> one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void SetChainDescriptor(ushort index, ulong busAddress, uint length, bool deviceWrites, bool last)
    {
        VirtqDesc* d = _desc + index;
        ushort flags = deviceWrites ? VirtqDesc.VIRTQ_DESC_F_WRITE : (ushort)0;
        if (!last)
        {
            flags |= VirtqDesc.VIRTQ_DESC_F_NEXT;
        }

        Volatile.Write(ref d->Addr, busAddress);
        Volatile.Write(ref d->Len, length);
        Volatile.Write(ref d->Flags, flags);
        Volatile.Write(ref d->Next, last ? (ushort)0 : _links[index]);
    }

    /// <summary>Asks the device not to interrupt when it uses a buffer, for a driver that polls (a hint, 2.7.7), or
    /// to interrupt again. Without EVENT_IDX: VIRTQ_AVAIL_F_NO_INTERRUPT. With it the flags must stay 0 (2.7.7.1) and
    /// used_event says when: see <see cref="EnableInterrupt"/>.</summary>
    public void SetNoInterrupt(bool noInterrupt)
    {
        _noInterrupt = noInterrupt;
        ushort flags = noInterrupt && !_eventIdx ? VirtqAvail.VIRTQ_AVAIL_F_NO_INTERRUPT : (ushort)0;
        Volatile.Write(ref _avail->Flags, flags);
        EnableInterrupt();
    }

    /// <summary>After taking used buffers: with EVENT_IDX, moves used_event to where the next interrupt should come
    /// (2.7.7: the device interrupts when used->idx passes it). A driver that waits for interrupts asks for one at the
    /// next used buffer (used_event = the driver's used index), then, after a full barrier, looks at used->idx once
    /// more: a buffer used before the device could see the new used_event raised no interrupt. A polling driver puts
    /// used_event just behind its index, which the device has already passed: no interrupt until the index wraps,
    /// 65536 buffers away, and the driver moves it on long before. Returns false when used buffers are waiting
    /// (take them before sleeping), true otherwise. Without EVENT_IDX there is nothing to do: true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool EnableInterrupt()
    {
        if (!_eventIdx)
        {
            return true;
        }

        ushort* usedEvent = VirtqAvail.UsedEvent(_avail, _size);
        if (_noInterrupt)
        {
            Volatile.Write(ref *usedEvent, (ushort)(_lastUsedIdx - 1));
            return true;
        }

        Volatile.Write(ref *usedEvent, _lastUsedIdx);
        DmaBarriers.Memory();
        return Volatile.Read(ref _used->Idx) == _lastUsedIdx;
    }

    /// <summary>Returns the chain starting at <paramref name="head"/> to the free list, through the driver's own
    /// record of its last descriptor (the descriptor table is not read: the device may have written it).
    /// False, changing nothing, when no chain taken with <see cref="TryTakeChain"/> starts at <paramref name="head"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool FreeChain(ushort head)
    {
        int count = ChainLength(head);
        if (count == 0)
        {
            return false;
        }

        // The descriptors keep what they held: nothing reads a free one (the device only follows chains made
        // available, and those are written in full first), so clearing them is work without a reader.
        // The chain is still linked in order (its private links): splice it in front of the free list whole.
        _links[_chainTails[head]] = _freeHead;
        _freeHead = head;
        _freeCount += (ushort)count;
        _chainLengths[head] = 0;
        return true;
    }

    /// <summary>Puts the chain just built into the next slot of the available ring (2.7.13 step 3); avail->idx, which
    /// makes it visible, moves in <see cref="Publish"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MakeAvailable()
    {
        ushort* ring = VirtqAvail.Ring(_avail);
        Volatile.Write(ref ring[_availIdx & (_size - 1)], _buildHead);   // the size is a power of two (2.7)
        _availIdx++;
    }

    /// <summary>Moves avail->idx past every chain made available since the last call, after a barrier (2.7.13 steps 3
    /// and 4: the ring entries before the index), with one write. Then, after a full barrier (the index must be visible
    /// before the device's flags are read, 2.7.10), whether the device must be notified. Without EVENT_IDX: unless it
    /// set VIRTQ_USED_F_NO_NOTIFY. With it: when the index just moved past avail_event (2.7.10.1, the wrap-safe
    /// comparison of <see cref="NeedEvent"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Publish()
    {
        ushort old = _publishedIdx;
        ushort now = _availIdx;
        if (now == old)
        {
            return false;
        }

        DmaBarriers.Memory();
        _publishedIdx = now;
        Volatile.Write(ref _avail->Idx, now);
        DmaBarriers.Memory();
        if (_eventIdx)
        {
            return NeedEvent(Volatile.Read(ref *VirtqUsed.AvailEvent(_used, _size)), now, old);
        }

        return (Volatile.Read(ref _used->Flags) & VirtqUsed.VIRTQ_USED_F_NO_NOTIFY) == 0;
    }

    /// <summary>The spec's vring_need_event (2.7.10): an index that moved from <paramref name="old"/> to
    /// <paramref name="now"/> has just passed <paramref name="eventIdx"/> (some entry in [old, now) sits at
    /// eventIdx). In 16-bit arithmetic, so it holds across the wrap at 65536: the distance from the event to the new
    /// index, less one, is below the distance moved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NeedEvent(ushort eventIdx, ushort now, ushort old) =>
        (ushort)(now - eventIdx - 1) < (ushort)(now - old);

    /// <summary>Takes the next entry of the used ring (2.7.8). used->idx is read only when the entries already seen
    /// are taken, then a barrier, so an entry is read after the index that covers it (2.7.14). A device may move the
    /// index by any amount: the caller bounds how many it takes by the buffers it handed over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTakeUsed(out VirtqUsedElem used)
    {
        if (_lastUsedIdx == _seenUsedIdx)
        {
            _seenUsedIdx = Volatile.Read(ref _used->Idx);
            if (_lastUsedIdx == _seenUsedIdx)
            {
                used = default;
                return false;
            }

            DmaBarriers.Memory();
        }

        VirtqUsedElem* e = VirtqUsed.Ring(_used) + (_lastUsedIdx & (_size - 1));
        used.Id = Volatile.Read(ref e->Id);
        used.Len = Volatile.Read(ref e->Len);
        _lastUsedIdx++;
        return true;
    }
}
