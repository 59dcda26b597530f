using System.Threading;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>The fake device's packed virtqueue (virtio 1.2 2.8), used when the driver accepted VIRTIO_F_RING_PACKED
/// (offer it with <see cref="ModernQemuPackedFeatures"/>, as QEMU's <c>packed=on</c> does). Written from the
/// specification's words, from the device's side, sharing nothing with the driver: the device keeps its own wrap
/// counters (both start at 1), reads the ring in order, takes a buffer when its first slot shows AVAIL = its counter
/// and USED the inverse, follows NEXT through consecutive slots (and indirect tables), takes the buffer id from the
/// last one, and on completion writes one used descriptor (id, len, WRITE when it wrote, AVAIL = USED = its used
/// counter) at its used position and skips the buffer's slots.
/// <para>Rules of the driver it checks (into <see cref="Violations"/>): every slot of a buffer marked available
/// with the right counter when the device looks (the first made available last, 2.8.6), the flags an available or
/// indirect descriptor may have, INDIRECT only with the feature and never with NEXT (2.8.7), an id not already in the
/// device's hands, no buffer longer than the queue, no slot the device owns (read, not yet used and skipped) changed
/// by the driver (2.8.13), notifications the device asked for sent (2.8.10: ENABLE, or DESC on a slot just made
/// available) and none when it said DISABLE, and the driver event suppression structure (reserved bits clear, DESC
/// only with EVENT_IDX, an offset inside the ring).</para></summary>
public sealed unsafe partial class FakeVirtioBlkDevice
{
    /// <summary>Used descriptors the device wrote over a slot it did not hold (not read, or already used and skipped):
    /// a hostile device's own invention, or an honest completion written where the device's used position ran ahead
    /// of the driver after such an invention. What each slot was given, to tell the device's own writing from the
    /// driver's when the device later reads the slot.</summary>
    readonly Dictionary<ushort, (ushort Flags, ushort Id, uint Len)> _packedForeignWrites = [];

    /// <summary>Times the device, reading the ring, found one of its own used descriptors written over a slot it did not
    /// hold (<see cref="_packedForeignWrites"/>) where the rest of a buffer should be: its own lie, not the driver's
    /// fault. It stops reading there, as a device that broke its ring would; the driver's request then times out.</summary>
    public int PackedOwnWritesMet { get; private set; }

    /// <summary>The modern QEMU-like features with VIRTIO_F_RING_PACKED (QEMU: <c>-device virtio-blk-device,packed=on</c>).</summary>
    public const ulong ModernQemuPackedFeatures = ModernQemuLikeFeatures | VirtioFeatures.RingPacked;

    // The device's side of the ring: where it reads the next available slot and the driver's wrap counter it expects
    // there; where it writes the next used descriptor and its own wrap counter.
    ushort _packedAvailPos;
    bool _packedAvailWrap = true;
    ushort _packedUsedPos;
    bool _packedUsedWrap = true;

    /// <summary>Slots the device has read and not yet covered by a used descriptor, with what it read: the driver may
    /// not change them.</summary>
    readonly Dictionary<ushort, (ulong Addr, uint Len, ushort Id, ushort Flags)> _packedOwned = [];

    /// <summary>The driver accepted VIRTIO_F_RING_PACKED: the queue is a packed one.</summary>
    public bool Packed => (_guestFeatures & VirtioFeatures.RingPacked) != 0;

    /// <summary>The device's used position and used wrap counter (tests of the wrap).</summary>
    public (ushort Position, bool Wrap) PackedUsed => (_packedUsedPos, _packedUsedWrap);

    /// <summary>How many times the device's used wrap counter flipped.</summary>
    public int PackedUsedWraps { get; private set; }

    /// <summary>Buffers the device took whose slots crossed the ring's end.</summary>
    public int PackedBuffersAcrossTheEnd { get; private set; }

    void ResetPacked()
    {
        _packedAvailPos = 0;
        _packedAvailWrap = true;
        _packedUsedPos = 0;
        _packedUsedWrap = true;
        _packedOwned.Clear();
        _packedForeignWrites.Clear();
    }

    bool PackedAreas(out PvirtqDesc* ring, out PvirtqEventSuppress* driverEvent, out PvirtqEventSuppress* deviceEvent, out uint n)
    {
        n = _queueNum;
        ring = _queueReady ? (PvirtqDesc*)_memory.Translate(_queueDesc, 16ul * n) : null;
        driverEvent = (PvirtqEventSuppress*)_memory.Translate(_queueDriver, 4);
        deviceEvent = (PvirtqEventSuppress*)_memory.Translate(_queueDevice, 4);
        if (ring == null || driverEvent == null || deviceEvent == null || n == 0)
        {
            Violation("notified with no usable packed queue");
            return false;
        }

        return true;
    }

    /// <summary>Advances a (position, wrap counter) pair by <paramref name="slots"/> in a ring of <paramref name="n"/>.</summary>
    static (ushort, bool) Advance(ushort pos, bool wrap, int slots, uint n)
    {
        int p = pos + slots;
        while (p >= n)
        {
            p -= (int)n;
            wrap = !wrap;
        }

        return ((ushort)p, wrap);
    }

    /// <summary>The slots from (<paramref name="pos"/>, <paramref name="wrap"/>) on, <paramref name="count"/> of them,
    /// include the slot (<paramref name="off"/>, <paramref name="offWrap"/>): walked one by one.</summary>
    static bool SlotAmong(ushort off, bool offWrap, ushort pos, bool wrap, int count, uint n)
    {
        for (int i = 0; i < count; i++)
        {
            if (pos == off && wrap == offWrap)
            {
                return true;
            }

            (pos, wrap) = Advance(pos, wrap, 1, n);
        }

        return false;
    }

    /// <summary>The device looks at the ring: takes every buffer made available since its last look, executes and
    /// completes each at once (<paramref name="execute"/>) or keeps them pending (manual completion).</summary>
    void ProcessPackedAvailable(bool notified, bool execute)
    {
        if (!PackedAreas(out PvirtqDesc* ring, out _, out PvirtqEventSuppress* deviceEvent, out uint n))
        {
            return;
        }

        CheckOwnedSlots(ring);
        ushort firstPos = _packedAvailPos;
        bool firstWrap = _packedAvailWrap;
        ushort eventFlags = Volatile.Read(ref deviceEvent->Flags);
        ushort eventDesc = Volatile.Read(ref deviceEvent->Desc);
        int slotsTaken = 0;
        var taken = new List<PendingChain>();
        while (true)
        {
            ushort flags = Volatile.Read(ref ring[_packedAvailPos].Flags);
            if (!IsAvailable(flags, _packedAvailWrap))
            {
                break;
            }

            Interlocked.MemoryBarrier();   // the slot's contents after its flags
            PendingChain? chain = ReadPackedBuffer(ring, n);
            if (chain == null)
            {
                break;   // a violation was recorded, or the device met its own used descriptor: it stops looking
            }

            slotsTaken += chain.Descriptors.Length;
            taken.Add(chain);
        }

        // 2.8.10: ENABLE asks for a notification at every buffer, DESC at the slot it names, DISABLE for none.
        bool required = slotsTaken != 0 && !SuppressNotifications && (eventFlags == PvirtqEventSuppress.RING_EVENT_FLAGS_ENABLE ||
            (eventFlags == PvirtqEventSuppress.RING_EVENT_FLAGS_DESC && SlotAmong((ushort)(eventDesc & 0x7fff),
                (eventDesc & 0x8000) != 0, firstPos, firstWrap, slotsTaken, n)));
        if (!notified && required)
        {
            Violation($"{slotsTaken} slots made available from slot {firstPos} without the notification the device asked for");
        }
        else if (notified && !required && slotsTaken != 0)
        {
            NeedlessNotifications++;
        }

        // Where the device wants to hear next: DISABLE when it polls; with EVENT_IDX the slot AvailEventAhead past the
        // next one it will read; else ENABLE.
        if (SuppressNotifications)
        {
            Volatile.Write(ref deviceEvent->Flags, PvirtqEventSuppress.RING_EVENT_FLAGS_DISABLE);
        }
        else if (EventIdx)
        {
            (ushort pos, bool wrap) = Advance(_packedAvailPos, _packedAvailWrap, AvailEventAhead % (int)n, n);
            Volatile.Write(ref deviceEvent->Desc, (ushort)(pos | (wrap ? 0x8000 : 0)));
            Volatile.Write(ref deviceEvent->Flags, PvirtqEventSuppress.RING_EVENT_FLAGS_DESC);
        }
        else
        {
            Volatile.Write(ref deviceEvent->Flags, PvirtqEventSuppress.RING_EVENT_FLAGS_ENABLE);
        }

        Interlocked.MemoryBarrier();
        _noNotifyPublished = SuppressNotifications;

        foreach (PendingChain chain in taken)
        {
            if (execute)
            {
                PublishPackedUsed(ring, n, chain, ExecuteElements(chain.Elements!));
            }
            else
            {
                _pending.Add(chain);
            }
        }

        MaxPending = Math.Max(MaxPending, _pending.Count);
    }

    static bool IsAvailable(ushort flags, bool wrap) =>
        ((flags & PvirtqDesc.VIRTQ_DESC_F_AVAIL) != 0) == wrap && ((flags & PvirtqDesc.VIRTQ_DESC_F_USED) != 0) != wrap;

    /// <summary>Reads the buffer whose first slot is at the device's available position (already seen available),
    /// moves the position past it and records its slots as the device's. Null after a violation.</summary>
    PendingChain? ReadPackedBuffer(PvirtqDesc* ring, uint n)
    {
        var slots = new List<(ushort, ulong, uint, ushort, ushort)>();
        var elements = new List<(ulong Addr, uint Len, bool Write)>();
        ushort pos = _packedAvailPos;
        bool wrap = _packedAvailWrap;
        ushort id = 0;
        const ushort Known = PvirtqDesc.VIRTQ_DESC_F_NEXT | PvirtqDesc.VIRTQ_DESC_F_WRITE | PvirtqDesc.VIRTQ_DESC_F_INDIRECT |
                             PvirtqDesc.VIRTQ_DESC_F_AVAIL | PvirtqDesc.VIRTQ_DESC_F_USED;
        while (true)
        {
            if (slots.Count >= n)
            {
                Violation($"buffer from slot {_packedAvailPos} longer than the queue ({n} slots)");
                return null;
            }

            PvirtqDesc* d = ring + pos;
            ushort flags = Volatile.Read(ref d->Flags);
            if (!IsAvailable(flags, wrap))
            {
                if (_packedForeignWrites.TryGetValue(pos, out var own) &&
                    own == (flags, Volatile.Read(ref d->Id), Volatile.Read(ref d->Len)))
                {
                    PackedOwnWritesMet++;
                    return null;
                }

                Violation($"slot {pos} of the buffer from slot {_packedAvailPos} is not available (flags 0x{flags:x}, wrap counter " +
                          $"{(wrap ? 1 : 0)}): its first slot was made available before the rest of it (2.8.6)");
                return null;
            }

            ulong addr = Volatile.Read(ref d->Addr);
            uint len = Volatile.Read(ref d->Len);
            id = Volatile.Read(ref d->Id);
            slots.Add((pos, addr, len, flags, 0));
            if ((flags & ~Known) != 0)
            {
                Violation($"slot {pos} has unknown flags 0x{flags:x}");
            }

            if ((flags & PvirtqDesc.VIRTQ_DESC_F_INDIRECT) != 0)
            {
                if (!ReadIndirectTable(addr, len, flags, slots.Count, n, elements))
                {
                    return null;
                }
            }
            else
            {
                elements.Add((addr, len, (flags & PvirtqDesc.VIRTQ_DESC_F_WRITE) != 0));
            }

            (pos, wrap) = Advance(pos, wrap, 1, n);
            if (pos == 0 && (flags & PvirtqDesc.VIRTQ_DESC_F_NEXT) != 0)
            {
                PackedBuffersAcrossTheEnd++;
            }

            if ((flags & PvirtqDesc.VIRTQ_DESC_F_NEXT) == 0)
            {
                break;
            }
        }

        if (_pending.Any(p => p.Head == id))
        {
            Violation($"buffer id {id} made available again while the device holds it");
        }

        foreach (var (slot, addr, len, flags, _) in slots)
        {
            _packedOwned[slot] = (addr, len, id, flags);
        }

        _packedAvailPos = pos;
        _packedAvailWrap = wrap;
        return new PendingChain(id, [.. slots], elements);
    }

    /// <summary>An indirect table (2.8.7): only with the feature, alone (never in a list linked by NEXT), a whole
    /// number of descriptors, no more than the queue size, and in it no flag but WRITE.</summary>
    bool ReadIndirectTable(ulong addr, uint len, ushort flags, int slotInBuffer, uint n, List<(ulong, uint, bool)> elements)
    {
        if (!IndirectDesc)
        {
            Violation("indirect descriptor without VIRTIO_F_INDIRECT_DESC");
            return false;
        }

        if ((flags & PvirtqDesc.VIRTQ_DESC_F_NEXT) != 0 || slotInBuffer != 1)
        {
            Violation("VIRTQ_DESC_F_INDIRECT in a list linked by VIRTQ_DESC_F_NEXT (2.8.7)");
            return false;
        }

        if (len == 0 || len % 16 != 0 || len / 16 > n)
        {
            Violation($"indirect table of {len} bytes (a non-zero multiple of 16, at most the queue size {n} descriptors)");
            return false;
        }

        var table = (PvirtqDesc*)_memory.Translate(addr, len);
        if (table == null)
        {
            Violation($"indirect table at 0x{addr:x} outside guest memory");
            return false;
        }

        IndirectRequests++;
        for (uint i = 0; i < len / 16; i++)
        {
            ushort entryFlags = Volatile.Read(ref table[i].Flags);
            if ((entryFlags & ~PvirtqDesc.VIRTQ_DESC_F_WRITE) != 0)
            {
                Violation($"indirect descriptor {i} has flags 0x{entryFlags:x}: only VIRTQ_DESC_F_WRITE is allowed (2.8.7)");
            }

            elements.Add((Volatile.Read(ref table[i].Addr), Volatile.Read(ref table[i].Len),
                (entryFlags & PvirtqDesc.VIRTQ_DESC_F_WRITE) != 0));
        }

        return true;
    }

    /// <summary>Executes a packed buffer's elements in order (readable ones first, 2.8.5).</summary>
    uint ExecuteElements(List<(ulong Addr, uint Len, bool Write)> elements)
    {
        var readable = new List<Buffer>();
        var writable = new List<Buffer>();
        foreach (var (addr, len, write) in elements)
        {
            byte* p = _memory.Translate(addr, len);
            if (p == null || len == 0)
            {
                Violation($"element of {len} bytes at bus address 0x{addr:x}, outside guest memory or empty");
                return 0;
            }

            if (write)
            {
                writable.Add(new Buffer((nint)p, len));
            }
            else
            {
                if (writable.Count != 0)
                {
                    Violation("device-readable element after a device-writable one (2.8.5)");
                }

                readable.Add(new Buffer((nint)p, len));
            }
        }

        return ExecuteBuffers(readable, writable);
    }

    /// <summary>The driver changed none of the slots the device owns (2.8.13: not before the device marked them used).</summary>
    void CheckOwnedSlots(PvirtqDesc* ring)
    {
        foreach (var (slot, (addr, len, id, flags)) in _packedOwned)
        {
            PvirtqDesc* d = ring + slot;
            if (Volatile.Read(ref d->Addr) != addr || Volatile.Read(ref d->Len) != len || Volatile.Read(ref d->Id) != id ||
                Volatile.Read(ref d->Flags) != flags)
            {
                Violation($"slot {slot} changed while the device owned it (2.8.13)");
                _packedOwned.Remove(slot);
            }
        }
    }

    void CompletePackedPending(int position)
    {
        if (_needsReset || !PackedAreas(out PvirtqDesc* ring, out _, out _, out uint n))
        {
            return;
        }

        CheckOwnedSlots(ring);
        PendingChain chain = _pending[position];
        _pending.RemoveAt(position);
        PublishPackedUsed(ring, n, chain, ExecuteElements(chain.Elements!));
    }

    /// <summary>WRITE in a used descriptor: the device wrote into the buffer (2.8.3), and len counts.</summary>
    static ushort PackedUsedFlags(uint written) => written != 0 ? PvirtqDesc.VIRTQ_DESC_F_WRITE : (ushort)0;

    /// <summary>Writes the used descriptor of <paramref name="chain"/> at the used position and skips its slots.</summary>
    void PublishPackedUsed(PvirtqDesc* ring, uint n, PendingChain chain, uint written)
    {
        uint len = UsedLenLie?.Invoke(chain.Head, written) ?? written;
        ushort id = CorruptUsedId is uint corrupt ? (ushort)corrupt : chain.Head;
        ushort flags = PackedUsedWithoutWrite ? (ushort)0 : PackedUsedFlags(len);
        WritePackedUsed(ring, n, id, len, (ushort)(flags | PackedUsedWrapFlags), chain.Descriptors.Length);
    }

    /// <summary>When set, used descriptors never carry WRITE, whatever their length says (2.8.4: the length is then
    /// reserved, and drivers ignore it).</summary>
    public bool PackedUsedWithoutWrite { get; set; }

    /// <summary>Writes one used descriptor (<paramref name="id"/>, <paramref name="len"/>, <paramref name="flags"/>
    /// with AVAIL and USED set to the device's used wrap counter) at the used position, id and length before the
    /// flags, moves on by <paramref name="skip"/> slots and sends the used buffer notification the driver asked for.</summary>
    void WritePackedUsed(PvirtqDesc* ring, uint n, ushort id, uint len, ushort flags, int skip)
    {
        PvirtqDesc* d = ring + _packedUsedPos;
        if (_packedOwned.ContainsKey(_packedUsedPos))
        {
            _packedForeignWrites.Remove(_packedUsedPos);
        }
        else
        {
            _packedForeignWrites[_packedUsedPos] = (flags, id, len);
        }

        Volatile.Write(ref d->Id, id);
        Volatile.Write(ref d->Len, len);
        Interlocked.MemoryBarrier();
        Volatile.Write(ref d->Flags, flags);
        Interlocked.MemoryBarrier();
        ushort oldPos = _packedUsedPos;
        bool oldWrap = _packedUsedWrap;
        for (int i = 0; i < skip; i++)
        {
            _packedOwned.Remove(_packedUsedPos);
            (_packedUsedPos, _packedUsedWrap) = Advance(_packedUsedPos, _packedUsedWrap, 1, n);
            if (_packedUsedPos == 0)
            {
                PackedUsedWraps++;
            }
        }

        SignalPackedUsed(n, oldPos, oldWrap, skip);
    }

    /// <summary>The used buffer notification (2.8.10), as the driver event suppression structure asks: ENABLE always,
    /// DISABLE never, DESC when the used descriptor just written covers the slot it names.</summary>
    void SignalPackedUsed(uint n, ushort oldPos, bool oldWrap, int skip)
    {
        if (!PackedAreas(out _, out PvirtqEventSuppress* driverEvent, out _, out _))
        {
            return;
        }

        ushort flags = Volatile.Read(ref driverEvent->Flags);
        ushort desc = Volatile.Read(ref driverEvent->Desc);
        bool wanted;
        if ((flags & ~PvirtqEventSuppress.FlagsMask) != 0 || flags == PvirtqEventSuppress.FlagsMask)
        {
            Violation($"driver event suppression flags 0x{flags:x}: reserved bits or the reserved value 3 (2.8.10)");
            wanted = true;
        }
        else if (flags == PvirtqEventSuppress.RING_EVENT_FLAGS_DESC)
        {
            if (!EventIdx)
            {
                Violation("RING_EVENT_FLAGS_DESC without VIRTIO_F_RING_EVENT_IDX (2.8.10)");
            }

            if ((desc & 0x7fff) >= n)
            {
                Violation($"driver event offset {desc & 0x7fff} outside a ring of {n}");
            }

            wanted = SlotAmong((ushort)(desc & 0x7fff), (desc & 0x8000) != 0, oldPos, oldWrap, skip, n);
        }
        else
        {
            wanted = flags == PvirtqEventSuppress.RING_EVENT_FLAGS_ENABLE;
        }

        if (wanted)
        {
            InterruptsRaised++;
            _interruptStatus |= VirtioMmio.InterruptUsedBuffer;
        }
        else
        {
            InterruptsSuppressed++;
        }
    }

    /// <summary>Hostile: writes a used descriptor at the used position with any <paramref name="id"/>,
    /// <paramref name="len"/> and <paramref name="flags"/> (AVAIL and USED are set to the used wrap counter unless
    /// <paramref name="rawFlags"/>), executing nothing, and skips the slots of that id's pending buffer (one slot when
    /// none is pending). False when the device has no live queue.</summary>
    public bool PublishRawPackedUsed(ushort id, uint len, ushort flags, bool rawFlags = false)
    {
        lock (_gate)
        {
            if ((_status & VirtioDeviceStatus.DriverOk) == 0 || !PackedAreas(out PvirtqDesc* ring, out _, out _, out uint n))
            {
                return false;
            }

            if (!rawFlags)
            {
                flags |= _packedUsedWrap ? (ushort)(PvirtqDesc.VIRTQ_DESC_F_AVAIL | PvirtqDesc.VIRTQ_DESC_F_USED) : (ushort)0;
            }

            PendingChain? pending = _pending.FirstOrDefault(p => p.Head == id);
            WritePackedUsed(ring, n, id, len, flags, pending?.Descriptors.Length ?? 1);
            return true;
        }
    }

    /// <summary>The used wrap counter's flags for a used descriptor now (tests that write raw flags).</summary>
    public ushort PackedUsedWrapFlags => _packedUsedWrap ? (ushort)(PvirtqDesc.VIRTQ_DESC_F_AVAIL | PvirtqDesc.VIRTQ_DESC_F_USED) : (ushort)0;
}
