namespace Kernel.Drivers.Virtio;

/// <summary>The driver's initialisation (3.1.1; legacy 4.2.4) and configuration space (5.2.4, 2.5.1). Everything here
/// runs again when the driver recovers the device (<c>VirtioBlk.Recovery.cs</c>): the memory of the first
/// initialisation is used again, never allocated twice.</summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait>
{
    /// <summary>3.1.1 steps 1 to 8: reset, ACKNOWLEDGE, DRIVER, features, the queue, the configuration, DRIVER_OK.
    /// The queue, links, slots and states of an earlier initialisation are used again (the same queue size).</summary>
    BlockError BringUp()
    {
        if (!_transport.Reset())
        {
            return BlockError.Timeout;
        }

        _transport.AddStatus(VirtioDeviceStatus.Acknowledge);
        _transport.AddStatus(VirtioDeviceStatus.Driver);

        // VERSION_1 and BLK_SIZE whenever offered: a device with larger logical blocks fails every request that is not
        // whole blocks, whether or not the driver asked to know their size.
        BlockError error = _transport.NegotiateFeatures(AcceptableFeatures(), out _offeredFeatures, out _acceptedFeatures);
        if (error != BlockError.None)
        {
            return error;
        }

        // Set up again in the memory of a packed ring, the device must still take one (it offered it before).
        if (_queueArea != null && _queue.IsPacked && !Negotiated(VirtioBlkFeatures.RingPacked))
        {
            return BlockError.FeaturesRefused;
        }

        error = SetUpQueue(_maxQueueSize);
        if (error != BlockError.None)
        {
            return error;
        }

        if (_slots == null)
        {
            _slots = (VirtioBlkRequestSlot*)_dma.AllocateZeroed((nuint)(sizeof(VirtioBlkRequestSlot) * _queue.Size), 8);
            _states = (VirtioBlkRequestState*)_dma.AllocateZeroed((nuint)(sizeof(VirtioBlkRequestState) * _queue.Size), 8);
            if (_slots == null || _states == null)
            {
                _slots = null;
                return BlockError.OutOfMemory;
            }
        }

        if (!ReadConfiguration())
        {
            return BlockError.ProtocolViolation;
        }

        error = SetUpRangeTables();   // discard and write zeroes (VirtioBlk.Ranges.cs)
        if (error != BlockError.None)
        {
            return error;
        }

        error = UseRingFeatures();
        if (error != BlockError.None)
        {
            return error;
        }

        // A polling driver tells the device it need not interrupt (a hint, 2.7.7).
        _queue.SetNoInterrupt(!_wait.UsesInterrupts);

        _transport.AddStatus(VirtioDeviceStatus.DriverOk);
        if (_transport.NeedsReset)
        {
            return BlockError.DeviceNeedsReset;
        }

        return BlockError.None;
    }

    /// <summary>Features taken whenever offered, whatever was asked for.</summary>
    const ulong AlwaysAccepted = VirtioBlkFeatures.Version1 | VirtioBlkFeatures.BlockSize;

    /// <summary>What the driver accepts if offered: what it was asked for and implements, VERSION_1 and BLK_SIZE.
    /// RING_PACKED only on the modern interface (the legacy one has no feature bit 34 to offer), and once a queue
    /// exists only in the format it already has: a restart keeps the queue's memory and the buffers held in it (results
    /// not yet collected), laid out for that format. <c>Reinitialize</c> therefore never switches formats.</summary>
    readonly ulong AcceptableFeatures()
    {
        ulong acceptable = (_wantedFeatures | AlwaysAccepted) & VirtioBlkFeatures.Supported;
        if (!_transport.IsModern || (_queueArea != null && !_queue.IsPacked))
        {
            acceptable &= ~VirtioBlkFeatures.RingPacked;
        }
        else if (_queueArea != null)
        {
            acceptable |= VirtioBlkFeatures.RingPacked;
        }

        return acceptable;
    }

    /// <summary>Sets up queue 0 with at most <paramref name="maxQueueSize"/> entries in one zeroed page-aligned area
    /// (<see cref="Virtqueue"/> plans it) and tells the transport where it is. Set up again after a reset, the queue
    /// keeps its size and its memory: the rings are zeroed, the driver's free list and the requests completed but not
    /// collected are kept.</summary>
    BlockError SetUpQueue(uint maxQueueSize)
    {
        BlockError error = _transport.SelectQueue(0, out uint max);
        if (error != BlockError.None)
        {
            return error;   // already in use
        }

        uint size = max < maxQueueSize ? max : maxQueueSize;
        if (size > MaxQueueSize)
        {
            size = MaxQueueSize;
        }

        while ((size & (size - 1)) != 0)
        {
            size &= size - 1;   // split queue sizes are powers of two (2.7): round down
        }

        byte* area = _queueArea;
        if (area != null)
        {
            // Again after a reset: the same size, the same memory.
            if (size < _queue.Size)
            {
                return BlockError.QueueUnavailable;
            }

            size = _queue.Size;
            ZeroMemory(area, _queue.SharedAreaBytes);
            _queue.RestartRings();
            _unpublished = 0;   // queued and never published: failed with the rest in flight
        }
        else
        {
            if (size < 3)
            {
                return BlockError.QueueUnavailable;   // absent (0), or too small for a three-descriptor request
            }

            // The ring format is chosen here, once: the packed ring when VIRTIO_F_RING_PACKED was negotiated.
            bool packed = Negotiated(VirtioBlkFeatures.RingPacked);
            area = (byte*)_dma.AllocateZeroed(Virtqueue.SharedBytes(size, packed), PageSize);
            if (area == null)
            {
                return BlockError.OutOfMemory;
            }

            // The free list and the chains' links (packed: ids and their slots): the driver's own, never handed to
            // the device.
            _queuePrivate = (ushort*)_dma.AllocateZeroed(Virtqueue.PrivateBytes(size, packed), 2);
            if (_queuePrivate == null)
            {
                return BlockError.OutOfMemory;
            }

            _queueArea = area;
            _queue = Virtqueue.Create(area, _queuePrivate, (ushort)size, packed);
        }

        ulong bus = _dma.BusAddress(area);
        if ((bus & (PageSize - 1)) != 0)
        {
            return BlockError.OutOfMemory;
        }

        return _transport.ActivateQueue(size, bus, bus + _queue.DriverAreaOffset, bus + _queue.DeviceAreaOffset,
            Virtqueue.LegacyAlign);
    }

    /// <summary>Tells the queue which ring features were negotiated. INDIRECT_DESC needs the indirect tables, allocated
    /// the first time it is negotiated (a re-initialisation with other features keeps them).</summary>
    BlockError UseRingFeatures()
    {
        VirtqDesc* tables = null;
        if (Negotiated(VirtioBlkFeatures.RingIndirectDesc))
        {
            if (_indirectTables == null)
            {
                _indirectTables = (VirtqDesc*)_dma.AllocateZeroed(Virtqueue.IndirectBytes(_queue.Size), 16);
                if (_indirectTables == null)
                {
                    return BlockError.OutOfMemory;
                }
            }

            tables = _indirectTables;
        }

        _queue.UseFeatures(Negotiated(VirtioBlkFeatures.RingEventIdx), tables, tables == null ? 0 : _dma.BusAddress(tables));
        return BlockError.None;
    }

    static void ZeroMemory(byte* area, nuint bytes)
    {
        for (nuint i = 0; i < bytes; i++)
        {
            area[i] = 0;
        }
    }

    /// <summary>Reads capacity always; blk_size, seg_max, size_max and the topology when their features were
    /// negotiated (5.2.4: the fields mean nothing otherwise), all of them inside one configuration generation (2.5.1:
    /// modern, ConfigGeneration reads the same before and after; legacy has none, and the capacity's high word is read
    /// before and after its low one). False when no attempt of <see cref="ConfigReadAttempts"/> read a stable
    /// configuration, or when blk_size is not a power of two from 512 to 4096 (Linux's limit too: a page) (no request could be sized for it).
    /// A zero size_max is taken as "no limit" beyond the driver's own; a zero seg_max as one segment per request. Any capacity is taken, 0 (every read
    /// and write is out of range) and 2^64 - 1 (<see cref="CapacityBytes"/> saturates) included.</summary>
    bool ReadConfiguration()
    {
        for (int attempt = 0; attempt < ConfigReadAttempts; attempt++)
        {
            uint generation = _transport.ConfigGeneration;
            uint high = ReadField32(VirtioBlkConfig.Capacity + 4);
            ulong capacity = ReadField32(VirtioBlkConfig.Capacity) | (ulong)high << 32;
            if (!_transport.IsModern && ReadField32(VirtioBlkConfig.Capacity + 4) != high)
            {
                continue;   // legacy: the high word changed while the low one was read
            }

            uint blockSize = Negotiated(VirtioBlkFeatures.BlockSize) ? ReadField32(VirtioBlkConfig.BlkSize) : 0;
            uint sizeMax = Negotiated(VirtioBlkFeatures.SizeMax) ? ReadField32(VirtioBlkConfig.SizeMax) : 0;
            uint segMax = Negotiated(VirtioBlkFeatures.SegMax) ? ReadField32(VirtioBlkConfig.SegMax) : 0;
            if (segMax == 0 && Negotiated(VirtioBlkFeatures.SegMax))
            {
                segMax = 1;   // a limit of no segments at all: one, as Linux takes it (found by fuzz/: driver target)
            }

            uint topology = 0, optIo = 0;
            if (Negotiated(VirtioBlkFeatures.Topology))
            {
                topology = ReadField32(VirtioBlkConfig.Topology);
                optIo = ReadField32(VirtioBlkConfig.OptIoSize);
            }

            VirtioBlkOptionalConfig optional = ReadOptionalConfig();   // writeback, discard and write-zeroes limits

            if (_transport.IsModern && _transport.ConfigGeneration != generation)
            {
                continue;
            }

            blockSize = blockSize == 0 ? VirtioBlkConfig.SectorSize : blockSize;
            if (blockSize < VirtioBlkConfig.SectorSize || blockSize > MaxBlockSize || (blockSize & (blockSize - 1)) != 0)
            {
                return false;
            }

            _configGeneration = generation;
            _capacity = capacity;
            _blockSize = blockSize;
            _sizeMax = sizeMax;
            _segMax = segMax;
            _optional = optional;
            uint physicalExp = topology & 0xff;
            _physicalBlockSize = physicalExp < 8 ? blockSize << (int)physicalExp : blockSize;
            _minIoSize = (topology >> 16) * blockSize;
            _optIoSize = optIo * blockSize;
            _maxDataSegments = _queue.Size - FramingDescriptors;
            if (_segMax != 0 && _segMax < (uint)_maxDataSegments)
            {
                _maxDataSegments = (int)_segMax;
            }

            return true;
        }

        return false;
    }

    readonly bool Negotiated(ulong feature) => (_acceptedFeatures & feature) != 0;

    uint ReadField32(uint offset) => _transport.ReadConfig32(offset);
}
