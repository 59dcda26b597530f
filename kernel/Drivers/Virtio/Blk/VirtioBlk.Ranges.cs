using System;
using System.Threading;

namespace Kernel.Drivers.Virtio;

/// <summary>Discard and write zeroes (virtio 1.2 5.2.6, VIRTIO_BLK_F_DISCARD and VIRTIO_BLK_F_WRITE_ZEROES): requests
/// whose data is a list of <see cref="VirtioBlkDiscardWriteZeroes"/> segments instead of sectors' bytes. The segments
/// of the request headed by descriptor h live in the driver's range table at h (one table per head, like the request
/// slots), so the caller hands over nothing that must outlive the call.
/// <para>The driver's MUST rules (5.2.6.1): at most max_discard_seg / max_write_zeroes_seg segments, the data a whole
/// number of segments, the unmap flag never on a discard, reserved flags 0, sector 0 in the header; and, as for reads
/// and writes, nothing past the capacity. Each segment also stays within max_discard_sectors / max_write_zeroes_sectors
/// and whole logical blocks (QEMU fails anything else). <see cref="Discard"/> and <see cref="WriteZeroes"/> cut a range
/// of any size into such segments and requests; a discard is cut on multiples of discard_sector_alignment.</para></summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait>
{
    /// <summary>The most segments the driver puts in one discard or write-zeroes request, whatever the device allows
    /// (Linux: 256). The range table holds this many per head at most; QEMU 7.2 allows 1.</summary>
    public const int MaxRangeSegments = 16;

    // ---- What the device allows ----

    /// <summary>VIRTIO_BLK_F_DISCARD was negotiated.</summary>
    public readonly bool CanDiscard => Negotiated(VirtioBlkFeatures.Discard);

    /// <summary>VIRTIO_BLK_F_WRITE_ZEROES was negotiated.</summary>
    public readonly bool CanWriteZeroes => Negotiated(VirtioBlkFeatures.WriteZeroes);

    /// <summary>The configuration's max_discard_sectors, max_discard_seg and discard_sector_alignment (0 unless
    /// DISCARD was negotiated).</summary>
    public readonly uint MaxDiscardSectors => _optional.MaxDiscardSectors;

    public readonly uint MaxDiscardSegments => _optional.MaxDiscardSeg;

    public readonly uint DiscardSectorAlignment => _optional.DiscardSectorAlignment;

    /// <summary>The configuration's max_write_zeroes_sectors, max_write_zeroes_seg and write_zeroes_may_unmap (0 and
    /// false unless WRITE_ZEROES was negotiated).</summary>
    public readonly uint MaxWriteZeroesSectors => _optional.MaxWriteZeroesSectors;

    public readonly uint MaxWriteZeroesSegments => _optional.MaxWriteZeroesSeg;

    public readonly bool WriteZeroesMayUnmap => _optional.WriteZeroesMayUnmap != 0;

    /// <summary>The most segments one request of <paramref name="op"/> (Discard or WriteZeroes) may carry: the
    /// device's limit (0 taken as 1), at most <see cref="MaxRangeSegments"/>; 0 when the feature is not negotiated.</summary>
    public readonly int RangeSegmentsPerRequest(BlockOp op)
    {
        if (!RangeOpNegotiated(op) || _rangeTables == null)
        {
            return 0;
        }

        uint limit = op == BlockOp.Discard ? _optional.MaxDiscardSeg : _optional.MaxWriteZeroesSeg;
        limit = limit == 0 ? 1 : limit;
        return limit < (uint)_rangeTableEntries ? (int)limit : _rangeTableEntries;
    }

    /// <summary>The most sectors one segment of <paramref name="op"/> may cover: the device's limit (0 taken as no
    /// limit but the field's, as Linux does) rounded down to whole logical blocks; 0 when none fits (or the feature is
    /// not negotiated).</summary>
    public readonly uint RangeSectorsPerSegment(BlockOp op)
    {
        if (!RangeOpNegotiated(op))
        {
            return 0;
        }

        uint limit = op == BlockOp.Discard ? _optional.MaxDiscardSectors : _optional.MaxWriteZeroesSectors;
        limit = limit == 0 ? uint.MaxValue : limit;
        uint perBlock = _blockSize >> VirtioBlkConfig.SectorShift;
        return limit - limit % perBlock;
    }

    // ---- Asynchronous ----

    /// <summary>Queues one VIRTIO_BLK_T_DISCARD request with one segment per range (see
    /// <see cref="EnqueueWriteZeroes"/> for the rules and errors); published by <see cref="Kick"/> or the next wait.
    /// Afterwards the sectors' contents are unspecified (5.2.6.1: the driver may assume nothing about them).</summary>
    public BlockError EnqueueDiscard(ReadOnlySpan<BlockRange> ranges, out ushort token) =>
        EnqueueRanges(BlockOp.Discard, ranges, 0, out token);

    /// <summary>Queues one VIRTIO_BLK_T_WRITE_ZEROES request with one segment per range, the unmap flag set on each when
    /// <paramref name="unmap"/> (the device may then deallocate the sectors; they read as zeroes either way). Nothing
    /// reaches the device, and <paramref name="token"/> is <see cref="NoToken"/>, on <see cref="BlockError.Unsupported"/>
    /// (the feature not negotiated), <see cref="BlockError.ReadOnly"/>, <see cref="BlockError.BadBuffer"/> (no ranges,
    /// more than <see cref="RangeSegmentsPerRequest"/>, an empty range or one above
    /// <see cref="RangeSectorsPerSegment"/>), <see cref="BlockError.OutOfRange"/>, <see cref="BlockError.Misaligned"/>
    /// (not whole logical blocks), <see cref="BlockError.QueueFull"/>, <see cref="BlockError.NoDevice"/> or
    /// <see cref="BlockError.DeviceNeedsReset"/>. If the device fails it with IOERR, any of its segments may or may not
    /// have been done (5.2.6).</summary>
    public BlockError EnqueueWriteZeroes(ReadOnlySpan<BlockRange> ranges, bool unmap, out ushort token) =>
        EnqueueRanges(BlockOp.WriteZeroes, ranges, unmap ? VirtioBlkDiscardWriteZeroes.VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP : 0,
            out token);

    /// <summary><see cref="EnqueueDiscard"/> and <see cref="Kick"/>.</summary>
    public BlockError SubmitDiscard(ReadOnlySpan<BlockRange> ranges, out ushort token)
    {
        BlockError error = EnqueueDiscard(ranges, out token);
        if (error == BlockError.None)
        {
            Kick();
        }

        return error;
    }

    /// <summary><see cref="EnqueueWriteZeroes"/> and <see cref="Kick"/>.</summary>
    public BlockError SubmitWriteZeroes(ReadOnlySpan<BlockRange> ranges, bool unmap, out ushort token)
    {
        BlockError error = EnqueueWriteZeroes(ranges, unmap, out token);
        if (error == BlockError.None)
        {
            Kick();
        }

        return error;
    }

    // ---- Blocking: any range, cut to the device's limits ----

    /// <summary>Discards <paramref name="count"/> sectors from <paramref name="sector"/>: as many requests as the
    /// device's limits need, one after the other, each waited for. The whole range is checked first (feature,
    /// read-only, empty, capacity, whole logical blocks), so a bad one sends nothing; the first request that fails
    /// ends the call with its error (the requests before it were done). Cuts fall on multiples of
    /// discard_sector_alignment where the device gives one (of whole blocks).</summary>
    public BlockError Discard(ulong sector, ulong count) => RunRanges(BlockOp.Discard, sector, count, 0);

    /// <summary>As <see cref="Discard"/>, with VIRTIO_BLK_T_WRITE_ZEROES: afterwards the sectors read as zeroes.
    /// <paramref name="unmap"/> lets the device deallocate them (see <see cref="WriteZeroesMayUnmap"/>).</summary>
    public BlockError WriteZeroes(ulong sector, ulong count, bool unmap) =>
        RunRanges(BlockOp.WriteZeroes, sector, count, unmap ? VirtioBlkDiscardWriteZeroes.VIRTIO_BLK_WRITE_ZEROES_FLAG_UNMAP : 0);

    BlockError RunRanges(BlockOp op, ulong sector, ulong count, uint flags)
    {
        if (!IsReady)
        {
            return NotReadyError;
        }

        if (_inFlight == 0)
        {
            CheckConfiguration();   // the current capacity and limits (5.2.6.1)
            if (!IsReady)
            {
                return NotReadyError;
            }
        }

        BlockError error = CheckRange(op, sector, count);
        if (error != BlockError.None)
        {
            return error;
        }

        uint sectorLimit = RangeSectorsPerSegment(op);
        int segmentLimit = RangeSegmentsPerRequest(op);
        if (sectorLimit == 0 || segmentLimit == 0)
        {
            return BlockError.Unsupported;   // a limit below one logical block: no request could be sized for it
        }

        // Where a cut may fall: whole blocks, and for a discard the device's alignment when it is whole blocks too.
        ulong granule = _blockSize >> VirtioBlkConfig.SectorShift;
        uint alignment = _optional.DiscardSectorAlignment;
        if (op == BlockOp.Discard && alignment > granule && alignment % granule == 0)
        {
            granule = alignment;
        }

        BlockRange* pieces = stackalloc BlockRange[MaxRangeSegments];
        while (count > 0)
        {
            int n = 0;
            while (n < segmentLimit && count > 0)
            {
                ulong take = count;
                if (take > sectorLimit)
                {
                    // sector + sectorLimit < sector + count <= capacity: no overflow.
                    ulong end = (sector + sectorLimit) / granule * granule;
                    take = end > sector ? end - sector : sectorLimit;
                }

                pieces[n++] = new BlockRange(sector, (uint)take);
                sector += take;
                count -= take;
            }

            error = EnqueueRanges(op, new ReadOnlySpan<BlockRange>(pieces, n), flags, out ushort token);
            if (error == BlockError.None)
            {
                error = WaitFor(token);   // kicks first
            }

            if (error != BlockError.None)
            {
                return error;
            }
        }

        return BlockError.None;
    }

    /// <summary>What every discard or write zeroes is checked for before the device: the feature, a writable disk,
    /// a non-empty range inside the capacity, whole logical blocks.</summary>
    readonly BlockError CheckRange(BlockOp op, ulong sector, ulong count)
    {
        if (!RangeOpNegotiated(op) || _rangeTables == null)
        {
            return BlockError.Unsupported;
        }

        if (IsReadOnly)
        {
            return BlockError.ReadOnly;
        }

        if (count == 0)
        {
            return BlockError.BadBuffer;
        }

        if (sector >= _capacity || count > _capacity - sector)
        {
            return BlockError.OutOfRange;
        }

        ulong perBlock = _blockSize >> VirtioBlkConfig.SectorShift;
        if ((sector & (perBlock - 1)) != 0 || (count & (perBlock - 1)) != 0)
        {
            return BlockError.Misaligned;
        }

        return BlockError.None;
    }

    readonly bool RangeOpNegotiated(BlockOp op) =>
        op == BlockOp.Discard ? Negotiated(VirtioBlkFeatures.Discard) :
        op == BlockOp.WriteZeroes && Negotiated(VirtioBlkFeatures.WriteZeroes);

    /// <summary>One request: the header (type, sector 0), the segments in one device-readable descriptor, the status
    /// byte. Checked whole before anything is written.</summary>
    BlockError EnqueueRanges(BlockOp op, ReadOnlySpan<BlockRange> ranges, uint flags, out ushort token)
    {
        token = NoToken;
        if (!IsReady)
        {
            return NotReadyError;
        }

        if (_inFlight == 0)
        {
            CheckConfiguration();
            if (!IsReady)
            {
                return NotReadyError;
            }
        }

        if (!RangeOpNegotiated(op) || _rangeTables == null)
        {
            return BlockError.Unsupported;
        }

        if (IsReadOnly)
        {
            return BlockError.ReadOnly;
        }

        uint sectorLimit = RangeSectorsPerSegment(op);
        if (ranges.Length == 0 || ranges.Length > RangeSegmentsPerRequest(op))
        {
            return BlockError.BadBuffer;
        }

        for (int i = 0; i < ranges.Length; i++)
        {
            if (ranges[i].Count > sectorLimit)
            {
                return BlockError.BadBuffer;
            }

            BlockError error = CheckRange(op, ranges[i].Sector, ranges[i].Count);
            if (error != BlockError.None)
            {
                return error;
            }
        }

        if (!_queue.TryStartChain(FramingDescriptors + 1, out ushort head))
        {
            return BlockError.QueueFull;
        }

        VirtioBlkDiscardWriteZeroes* segments = _rangeTables + head * _rangeTableEntries;
        for (int i = 0; i < ranges.Length; i++)
        {
            Volatile.Write(ref segments[i].Sector, ranges[i].Sector);
            Volatile.Write(ref segments[i].NumSectors, ranges[i].Count);
            Volatile.Write(ref segments[i].Flags, flags);
        }

        VirtioBlkRequestSlot* slot = _slots + head;
        uint type = op == BlockOp.Discard ? VirtioBlkReqHeader.VIRTIO_BLK_T_DISCARD : VirtioBlkReqHeader.VIRTIO_BLK_T_WRITE_ZEROES;
        Volatile.Write(ref slot->Header.Type, type);
        Volatile.Write(ref slot->Header.Reserved, 0u);
        Volatile.Write(ref slot->Header.Sector, 0ul);   // "unused and set to 0 for commands other than read, write"
        Volatile.Write(ref slot->Status, VirtioBlkRequestSlot.StatusNotWritten);
        _queue.AddDescriptor(_dma.BusAddress(&slot->Header), (uint)sizeof(VirtioBlkReqHeader), deviceWrites: false);
        _queue.AddDescriptor(_dma.BusAddress(segments), (uint)(ranges.Length * sizeof(VirtioBlkDiscardWriteZeroes)), deviceWrites: false);
        _queue.AddDescriptor(_dma.BusAddress(&slot->Status), 1, deviceWrites: true);

        VirtioBlkRequestState* state = _states + head;
        state->State = VirtioBlkRequestState.InFlight;
        state->Result = BlockError.None;
        state->WritableBytes = 1;
        _inFlight++;

        _queue.MakeAvailable();
        _unpublished++;
        _counters.Requests++;
        token = head;
        return BlockError.None;
    }

    // ---- Set-up (from BringUp and ReadConfiguration) ----

    /// <summary>The optional fields of the configuration, each only when its feature was negotiated; called inside
    /// <c>ReadConfiguration</c>'s generation check. u8 fields are read 8 bits wide, le32 ones 32 (4.2.2.2).</summary>
    readonly VirtioBlkOptionalConfig ReadOptionalConfig()
    {
        VirtioBlkOptionalConfig config = default;
        VirtioMmioTransport<TRegs> transport = _transport;
        if (Negotiated(VirtioBlkFeatures.ConfigWce))
        {
            config.Writeback = transport.ReadConfig8(VirtioBlkConfig.Writeback);
        }

        if (Negotiated(VirtioBlkFeatures.Discard))
        {
            config.MaxDiscardSectors = transport.ReadConfig32(VirtioBlkConfig.MaxDiscardSectors);
            config.MaxDiscardSeg = transport.ReadConfig32(VirtioBlkConfig.MaxDiscardSeg);
            config.DiscardSectorAlignment = transport.ReadConfig32(VirtioBlkConfig.DiscardSectorAlignment);
        }

        if (Negotiated(VirtioBlkFeatures.WriteZeroes))
        {
            config.MaxWriteZeroesSectors = transport.ReadConfig32(VirtioBlkConfig.MaxWriteZeroesSectors);
            config.MaxWriteZeroesSeg = transport.ReadConfig32(VirtioBlkConfig.MaxWriteZeroesSeg);
            config.WriteZeroesMayUnmap = transport.ReadConfig8(VirtioBlkConfig.WriteZeroesMayUnmap);
        }

        return config;
    }

    /// <summary>The range tables, the first time DISCARD or WRITE_ZEROES is negotiated: per head as many segments as
    /// the device allows in one request (at most <see cref="MaxRangeSegments"/>); QEMU's one segment makes 16 bytes a
    /// head. Kept across re-initialisations (a device that later allows more segments gets at most this many).</summary>
    BlockError SetUpRangeTables()
    {
        if (_rangeTables != null || !(CanDiscard || CanWriteZeroes))
        {
            return BlockError.None;
        }

        uint wanted = CanDiscard ? _optional.MaxDiscardSeg : 1;
        if (CanWriteZeroes && _optional.MaxWriteZeroesSeg > wanted)
        {
            wanted = _optional.MaxWriteZeroesSeg;
        }

        int entries = wanted == 0 ? 1 : wanted > MaxRangeSegments ? MaxRangeSegments : (int)wanted;
        _rangeTables = (VirtioBlkDiscardWriteZeroes*)_dma.AllocateZeroed(
            (nuint)(_queue.Size * entries * sizeof(VirtioBlkDiscardWriteZeroes)), 16);
        if (_rangeTables == null)
        {
            return BlockError.OutOfMemory;
        }

        _rangeTableEntries = entries;
        return BlockError.None;
    }
}
