using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Kernel.Drivers.Virtio;

/// <summary>Handing requests to the device: checks, descriptor chains, publishing (5.2.6, 2.7.13).</summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait>
{
    // ---- Asynchronous requests ----

    /// <summary>As <see cref="Submit(BlockOp, ulong, ReadOnlySpan{BlockSegment}, out ushort)"/> with one segment:
    /// <paramref name="length"/> bytes at <paramref name="data"/> (null and 0 for a flush).</summary>
    public BlockError Submit(BlockOp op, ulong sector, void* data, uint length, out ushort token)
    {
        BlockError error = Enqueue(op, sector, data, length, out token);
        if (error == BlockError.None)
        {
            Kick();
        }

        return error;
    }

    /// <summary>Hands one request to the device and returns at once: <see cref="Enqueue(BlockOp, ulong, ReadOnlySpan{BlockSegment}, out ushort)"/>
    /// and <see cref="Kick"/>.</summary>
    public BlockError Submit(BlockOp op, ulong sector, ReadOnlySpan<BlockSegment> data, out ushort token)
    {
        BlockError error = Enqueue(op, sector, data, out token);
        if (error == BlockError.None)
        {
            Kick();
        }

        return error;
    }

    /// <summary>As <see cref="Enqueue(BlockOp, ulong, ReadOnlySpan{BlockSegment}, out ushort)"/> with one segment:
    /// <paramref name="length"/> bytes at <paramref name="data"/> (null and 0 for a flush).</summary>
    public BlockError Enqueue(BlockOp op, ulong sector, void* data, uint length, out ushort token)
    {
        if (length == 0)
        {
            return Enqueue(op, sector, ReadOnlySpan<BlockSegment>.Empty, out token);
        }

        // The common request: one segment that one descriptor holds (no SIZE_MAX cut), so neither segment loop
        // runs. The same checks in the same order as the general path below.
        if (data == null || (_sizeMax != 0 && length > _sizeMax) || _maxDataSegments == 0)
        {
            BlockSegment one = new(data, length);
            return Enqueue(op, sector, new ReadOnlySpan<BlockSegment>(&one, 1), out token);
        }

        token = NoToken;
        BlockError error = Admit();
        if (error == BlockError.None)
        {
            error = CheckRequest(op, ref sector, length, out uint type, out bool deviceWrites);
            if (error == BlockError.None)
            {
                // Header, data and status in one queue call (the ring format tested once); the slot's header and
                // status are written after, still before the next Kick publishes the chain.
                if (!_queue.TryAddFramed(_slotsBus, (uint)sizeof(VirtioBlkRequestSlot), (uint)sizeof(VirtioBlkReqHeader),
                    VirtioBlkRequestSlot.StatusOffset, _dma.BusAddress(data), length, deviceWrites, out ushort head))
                {
                    return BlockError.QueueFull;
                }

                WriteHeader(head, type, sector);
                RecordRequest(head, deviceWrites, length);
                token = head;
            }
        }

        return error;
    }

    /// <summary>Puts one request on the ring without publishing it: several queued this way reach the device together
    /// at the next <see cref="Kick"/> (one index update, at most one notification), or at the next wait, which kicks
    /// first. <paramref name="data"/> is the request's data in
    /// order (read and write: a non-zero multiple of 512 bytes in all; GET_ID: 20 bytes; FLUSH: none). The driver
    /// gives the device one descriptor per segment, split where a piece would exceed SIZE_MAX (the cut on a page
    /// boundary when SIZE_MAX is at least a page), between the header and the status descriptors.
    /// <para>On success <paramref name="token"/> names the request until its result is collected
    /// (<see cref="TryGetResult"/>, <see cref="TryTakeCompleted"/>, <see cref="WaitFor"/>); the data must stay valid
    /// until then. Otherwise nothing reached the device and <paramref name="token"/> is <see cref="NoToken"/>:
    /// <see cref="BlockError.BadBuffer"/> (bad lengths; more pieces than <see cref="MaxSegments"/>),
    /// <see cref="BlockError.OutOfRange"/> (past the last sector, or overflowing), <see cref="BlockError.ReadOnly"/>,
    /// <see cref="BlockError.Unsupported"/> (FLUSH not negotiated), <see cref="BlockError.QueueFull"/> (not enough
    /// free descriptors now: collect results and retry), <see cref="BlockError.NoDevice"/> or
    /// <see cref="BlockError.DeviceNeedsReset"/>.</para></summary>
    [MethodImpl(MethodImplOptions.NoInlining)]   // the general path: out of line, so the one-segment path stays small
    public BlockError Enqueue(BlockOp op, ulong sector, ReadOnlySpan<BlockSegment> data, out ushort token)
    {
        token = NoToken;
        BlockError error = Admit();
        if (error != BlockError.None)
        {
            return error;
        }

        ulong total = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i].Address == null || data[i].Length == 0)
            {
                return BlockError.BadBuffer;
            }

            total += data[i].Length;
        }

        error = CheckRequest(op, ref sector, total, out uint type, out bool deviceWrites);
        if (error != BlockError.None)
        {
            return error;
        }

        int pieces = CountPieces(data);
        if (pieces < 0)
        {
            return BlockError.BadBuffer;
        }

        if (!_queue.TryStartChain(pieces + FramingDescriptors, out ushort head))
        {
            return BlockError.QueueFull;
        }

        StartRequest(head, type, sector);

        // The data: every piece, in order, all readable or all writable (2.7.4.2: writable ones after readable ones).
        for (int i = 0; i < data.Length; i++)
        {
            byte* start = (byte*)data[i].Address;
            uint done = 0;
            while (done < data[i].Length)
            {
                ulong bus = _dma.BusAddress(start + done);
                uint take = PieceLength(bus, data[i].Length - done);
                _queue.AddDescriptor(bus, take, deviceWrites);
                done += take;
            }
        }

        FinishRequest(head, deviceWrites, total);
        token = head;
        return BlockError.None;
    }

    /// <summary>Whether the device takes requests now: ready, and (once per batch, nothing in flight) its configuration
    /// looked at, so a capacity change is seen before the next request is checked (5.2.6.1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    BlockError Admit()
    {
        if (!IsReady)
        {
            return NotReadyError;
        }

        // Readiness changes only when the configuration changed (DEVICE_NEEDS_RESET, or a configuration the driver
        // cannot use): looked at again only then.
        if (_inFlight == 0 && CheckConfiguration() && !IsReady)
        {
            return NotReadyError;
        }

        return BlockError.None;
    }

    /// <summary>The checks of a request of <paramref name="total"/> data bytes before anything reaches the device
    /// (see <see cref="Enqueue(BlockOp, ulong, ReadOnlySpan{BlockSegment}, out ushort)"/>), and its header type and
    /// data direction; <paramref name="sector"/> becomes 0 for the requests that address none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    readonly BlockError CheckRequest(BlockOp op, ref ulong sector, ulong total, out uint type, out bool deviceWrites)
    {
        type = 0;
        deviceWrites = false;
        switch (op)
        {
            case BlockOp.Read:
            case BlockOp.Write:
                // used.len is 32 bits: no request moves more than that.
                if (total == 0 || total > uint.MaxValue || (total & (VirtioBlkConfig.SectorSize - 1)) != 0)
                {
                    return BlockError.BadBuffer;
                }

                ulong count = total >> VirtioBlkConfig.SectorShift;
                if (sector >= _capacity || count > _capacity - sector)
                {
                    return BlockError.OutOfRange;
                }

                // Whole logical blocks only (5.2.6: the sector is in 512-byte units, blk_size is the device's unit).
                ulong sectorsPerBlock = _blockSize >> VirtioBlkConfig.SectorShift;
                if ((sector & (sectorsPerBlock - 1)) != 0 || (count & (sectorsPerBlock - 1)) != 0)
                {
                    return BlockError.Misaligned;
                }

                if (op == BlockOp.Write && IsReadOnly)
                {
                    return BlockError.ReadOnly;
                }

                type = op == BlockOp.Read ? VirtioBlkReqHeader.VIRTIO_BLK_T_IN : VirtioBlkReqHeader.VIRTIO_BLK_T_OUT;
                deviceWrites = op == BlockOp.Read;
                return BlockError.None;

            case BlockOp.Flush:
                if (total != 0)
                {
                    return BlockError.BadBuffer;
                }

                if (!FlushNegotiated)
                {
                    return BlockError.Unsupported;
                }

                type = VirtioBlkReqHeader.VIRTIO_BLK_T_FLUSH;
                sector = 0;
                return BlockError.None;

            case BlockOp.GetId:
                if (total != VirtioBlkReqHeader.IdBytes)
                {
                    return BlockError.BadBuffer;
                }

                type = VirtioBlkReqHeader.VIRTIO_BLK_T_GET_ID;
                deviceWrites = true;
                sector = 0;
                return BlockError.None;

            default:
                return BlockError.Unsupported;
        }
    }

    /// <summary>The request's header in its slot and the chain's first descriptor: device-readable, its own
    /// descriptor (legacy framing, 2.6.4.3 / 5.2.6.3). The status byte is preset to a value the device never writes.
    /// The slot's bus address is the slots' base plus its offset: one allocation, contiguous for the device.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void StartRequest(ushort head, uint type, ulong sector)
    {
        WriteHeader(head, type, sector);
        _queue.AddDescriptor(SlotBus(head), (uint)sizeof(VirtioBlkReqHeader), deviceWrites: false);
    }

    /// <summary>The request's header in slot <paramref name="head"/>, and its status byte preset to a value the device
    /// never writes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void WriteHeader(ushort head, uint type, ulong sector)
    {
        VirtioBlkRequestSlot* slot = _slots + head;
        Volatile.Write(ref slot->Header.Type, type);
        Volatile.Write(ref slot->Header.Reserved, 0u);
        Volatile.Write(ref slot->Header.Sector, sector);
        Volatile.Write(ref slot->Status, VirtioBlkRequestSlot.StatusNotWritten);
    }

    /// <summary>The status byte (device-writable, last, alone), the request's state, and its place on the available
    /// ring (published by the next <see cref="Kick"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void FinishRequest(ushort head, bool deviceWrites, ulong total)
    {
        _queue.AddDescriptor(SlotBus(head) + VirtioBlkRequestSlot.StatusOffset, 1, deviceWrites: true);
        _queue.MakeAvailable();
        RecordRequest(head, deviceWrites, total);
    }

    /// <summary>Request <paramref name="head"/>, made available, is in flight: its state (what the device may write
    /// back), and the counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void RecordRequest(ushort head, bool deviceWrites, ulong total)
    {
        VirtioBlkRequestState* state = _states + head;
        state->State = VirtioBlkRequestState.InFlight;
        state->Result = BlockError.None;
        state->WritableBytes = deviceWrites ? (uint)total + 1 : 1;
        _inFlight++;
        _unpublished++;
        _counters.Requests++;
    }

    /// <summary>The bus address of request slot <paramref name="head"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    readonly ulong SlotBus(ushort head) => _slotsBus + (ulong)((uint)head * (uint)sizeof(VirtioBlkRequestSlot));

    /// <summary>Publishes every request queued by <see cref="Enqueue(BlockOp, ulong, ReadOnlySpan{BlockSegment}, out ushort)"/>
    /// since the last kick with one index update (2.7.13), then notifies the device once, unless it said it need not
    /// be (2.7.10: VIRTQ_USED_F_NO_NOTIFY, or with EVENT_IDX avail_event not passed). Nothing queued: nothing done.
    /// The waits kick first, so a queued request is never waited for unpublished.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Kick()
    {
        if (!IsReady)
        {
            return;
        }

        if (_unpublished == 0)
        {
            return;
        }

        _unpublished = 0;
        _counters.Publishes++;
        if (_queue.Publish())
        {
            _counters.Notifications++;
            _transport.Notify(0);
        }
    }

    /// <summary>How many data descriptors <paramref name="data"/> needs, or -1 when more than
    /// <see cref="MaxSegments"/> (or a segment is empty).</summary>
    readonly int CountPieces(ReadOnlySpan<BlockSegment> data)
    {
        int pieces = 0;
        for (int i = 0; i < data.Length; i++)
        {
            byte* start = (byte*)data[i].Address;
            uint length = data[i].Length;
            if (start == null || length == 0)
            {
                return -1;
            }

            uint done = 0;
            while (done < length)
            {
                if (++pieces > _maxDataSegments)
                {
                    return -1;
                }

                done += PieceLength(_dma.BusAddress(start + done), length - done);
            }
        }

        return pieces;
    }

    /// <summary>The bytes of the next data descriptor at bus address <paramref name="bus"/> with
    /// <paramref name="remaining"/> bytes to go: all of them, unless that exceeds size_max; then size_max, shortened to
    /// end on a page boundary when size_max is at least a page (so that the following pieces start on one).</summary>
    readonly uint PieceLength(ulong bus, uint remaining)
    {
        if (_sizeMax == 0 || remaining <= _sizeMax)
        {
            return remaining;
        }

        uint take = _sizeMax;
        if (take >= PageSize)
        {
            ulong end = (bus + take) & ~(ulong)(PageSize - 1);
            if (end > bus)
            {
                take = (uint)(end - bus);
            }
        }

        return take;
    }
}
