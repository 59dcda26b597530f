using System.Threading;

namespace Kernel.Drivers.Virtio;

/// <summary>The driver's side of one split virtqueue (virtio 1.x 2.7): the descriptor table, the available ring it
/// writes, the used ring the device writes, a free list of descriptors, and the two indexes the driver keeps.
/// Transport-neutral: the legacy and the modern transport differ only in where the three areas are and how the
/// device learns their addresses. Every access to memory the device shares is volatile; the barriers are the ones
/// 2.7.13 and 2.7.14 ask for.</summary>
public unsafe struct Virtqueue
{
    VirtqDesc* _desc;
    VirtqAvail* _avail;
    VirtqUsed* _used;
    ushort _size;
    ushort _freeHead;
    ushort _freeCount;
    ushort _availIdx;
    ushort _lastUsedIdx;

    /// <summary>A queue over zeroed memory of <paramref name="size"/> entries; every descriptor is free.</summary>
    public static Virtqueue Create(VirtqDesc* desc, VirtqAvail* avail, VirtqUsed* used, ushort size)
    {
        Virtqueue queue = default;
        queue._desc = desc;
        queue._avail = avail;
        queue._used = used;
        queue._size = size;
        for (int i = 0; i < size; i++)
        {
            // Free descriptors are linked through their next field; the device never reads them.
            desc[i].Next = (ushort)(i + 1 < size ? i + 1 : 0);
        }

        queue._freeHead = 0;
        queue._freeCount = size;
        queue._availIdx = 0;
        queue._lastUsedIdx = 0;
        return queue;
    }

    /// <summary>The number of entries (the queue size negotiated with the device).</summary>
    public readonly ushort Size => _size;

    /// <summary>Descriptors not part of a chain the driver has handed out.</summary>
    public readonly ushort FreeCount => _freeCount;

    /// <summary>The driver's next available-ring index (what it last published in avail->idx).</summary>
    public readonly ushort AvailIdx => _availIdx;

    /// <summary>The used-ring index up to which the driver has consumed completions.</summary>
    public readonly ushort LastUsedIdx => _lastUsedIdx;

    /// <summary>Takes <paramref name="count"/> descriptors off the free list as one chain: they stay linked through
    /// their <c>next</c> fields in free-list order, starting at <paramref name="head"/> (walk it with
    /// <see cref="NextOf"/>, fill it with <see cref="SetChainDescriptor"/>). False, taking nothing, when fewer are free.</summary>
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
            last = Volatile.Read(ref _desc[last].Next);
        }

        _freeHead = Volatile.Read(ref _desc[last].Next);
        _freeCount -= (ushort)count;
        return true;
    }

    /// <summary>The descriptor after <paramref name="index"/> in a chain taken with <see cref="TryTakeChain"/>.</summary>
    public readonly ushort NextOf(ushort index) => Volatile.Read(ref _desc[index].Next);

    /// <summary>Fills descriptor <paramref name="index"/> of a chain taken with <see cref="TryTakeChain"/>, keeping its
    /// link: a buffer at bus address <paramref name="busAddress"/>, device-writable when
    /// <paramref name="deviceWrites"/>, with VIRTQ_DESC_F_NEXT unless it is the <paramref name="last"/> one.</summary>
    public void SetChainDescriptor(ushort index, ulong busAddress, uint length, bool deviceWrites, bool last)
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
    }

    /// <summary>Sets or clears VIRTQ_AVAIL_F_NO_INTERRUPT (2.7.7): a hint that the device need not interrupt when it
    /// uses a buffer, for a driver that polls.</summary>
    public void SetNoInterrupt(bool noInterrupt) =>
        Volatile.Write(ref _avail->Flags, noInterrupt ? VirtqAvail.VIRTQ_AVAIL_F_NO_INTERRUPT : (ushort)0);

    /// <summary>Whether the device asked not to be notified (VIRTQ_USED_F_NO_NOTIFY, 2.7.10): read after
    /// <see cref="MakeAvailable"/> and a full barrier; when it is clear the driver must notify.</summary>
    public readonly bool DeviceWantsNoNotify =>
        (Volatile.Read(ref _used->Flags) & VirtqUsed.VIRTQ_USED_F_NO_NOTIFY) != 0;

    /// <summary>Returns the chain starting at <paramref name="head"/> to the free list.</summary>
    public void FreeChain(ushort head)
    {
        ushort index = head;
        for (int guard = 0; guard < _size; guard++)
        {
            VirtqDesc* d = _desc + index;
            bool more = (Volatile.Read(ref d->Flags) & VirtqDesc.VIRTQ_DESC_F_NEXT) != 0;
            ushort next = Volatile.Read(ref d->Next);
            Volatile.Write(ref d->Addr, 0ul);
            Volatile.Write(ref d->Len, 0u);
            Volatile.Write(ref d->Flags, (ushort)0);
            Volatile.Write(ref d->Next, _freeHead);
            _freeHead = index;
            _freeCount++;
            if (!more)
            {
                return;
            }

            index = next;
        }
    }

    /// <summary>Publishes the chain starting at <paramref name="head"/> (2.7.13): its index goes into the next slot of
    /// the available ring, then, after a barrier, avail->idx moves past it. The caller notifies the device after
    /// <see cref="DmaBarriers.BeforeDoorbell"/>.</summary>
    public void MakeAvailable(ushort head)
    {
        ushort* ring = VirtqAvail.Ring(_avail);
        Volatile.Write(ref ring[_availIdx % _size], head);
        DmaBarriers.Memory();
        _availIdx++;
        Volatile.Write(ref _avail->Idx, _availIdx);
    }

    /// <summary>Takes the next completion off the used ring, if the device has published one (2.7.14): the entry is
    /// read only after used->idx shows it, with a barrier in between.</summary>
    public bool TryTakeUsed(out VirtqUsedElem element)
    {
        if (Volatile.Read(ref _used->Idx) == _lastUsedIdx)
        {
            element = default;
            return false;
        }

        DmaBarriers.Memory();
        VirtqUsedElem* e = VirtqUsed.Ring(_used) + _lastUsedIdx % _size;
        element.Id = Volatile.Read(ref e->Id);
        element.Len = Volatile.Read(ref e->Len);
        _lastUsedIdx++;
        return true;
    }
}
