namespace Kernel.Drivers.Virtio;

/// <summary>The driver's initialisation (3.1.1; legacy 4.2.4) and configuration space (5.2.4, 2.5.1). Everything here
/// runs again when the driver recovers the device (<c>VirtioBlk.Recovery.cs</c>): the memory of the first
/// initialisation is used again, never allocated twice.</summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait>
{
    /// <summary>The magic value, a version this driver implements, a block device (4.2.3.1.1). Reads only: a window
    /// that fails is left as it was.</summary>
    BlockError Identify()
    {
        if (_regs.Read32(VirtioMmio.MagicValue) != VirtioMmio.Magic)
        {
            return BlockError.BadMagic;
        }

        _version = _regs.Read32(VirtioMmio.Version);
        if (_version != VirtioMmio.VersionLegacy && _version != VirtioMmio.VersionModern)
        {
            return BlockError.UnsupportedVersion;
        }

        uint deviceId = _regs.Read32(VirtioMmio.DeviceID);
        if (deviceId == 0)
        {
            return BlockError.NoDevice;
        }

        return deviceId == VirtioMmio.DeviceIdBlock ? BlockError.None : BlockError.NotBlockDevice;
    }

    /// <summary>3.1.1 steps 1 to 8: reset, ACKNOWLEDGE, DRIVER, features, the queue, the configuration, DRIVER_OK.
    /// The queue, links, slots and states of an earlier initialisation are used again (the same queue size).</summary>
    BlockError BringUp()
    {
        if (!Reset())
        {
            return BlockError.Timeout;
        }

        AddStatus(VirtioDeviceStatus.Acknowledge);
        AddStatus(VirtioDeviceStatus.Driver);
        BlockError error = NegotiateFeatures(_wantedFeatures);
        if (error != BlockError.None)
        {
            return error;
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

        // A polling driver tells the device it need not interrupt (a hint, 2.7.7).
        _queue.SetNoInterrupt(!_wait.UsesInterrupts);

        AddStatus(VirtioDeviceStatus.DriverOk);
        if ((_regs.Read32(VirtioMmio.Status) & VirtioDeviceStatus.DeviceNeedsReset) != 0)
        {
            return BlockError.DeviceNeedsReset;
        }

        return BlockError.None;
    }

    /// <summary>Writes 0 to Status and waits for it to read back 0 (immediate on the legacy interface; the modern one
    /// may take time, 4.2.3.1). False when it never did: the device may still own every buffer in the queue (3.3.1).</summary>
    bool Reset()
    {
        _regs.Write32(VirtioMmio.Status, VirtioDeviceStatus.Reset);
        for (int i = 0; i < ResetPollLimit; i++)
        {
            if (_regs.Read32(VirtioMmio.Status) == 0)
            {
                return true;
            }
        }

        return false;
    }

    void AddStatus(uint bits) => _regs.Write32(VirtioMmio.Status, _regs.Read32(VirtioMmio.Status) | bits);

    void SetFailed() => AddStatus(VirtioDeviceStatus.Failed);

    readonly bool IsModern => _version == VirtioMmio.VersionModern;

    /// <summary>Features taken whenever offered, whatever was asked for.</summary>
    const ulong AlwaysAccepted = VirtioBlkFeatures.Version1 | VirtioBlkFeatures.BlockSize;

    /// <summary>Reads the offered features and writes back the subset the driver implements and wants (VERSION_1 and
    /// BLK_SIZE whenever offered). Legacy: one 32-bit word and nothing more. Modern: two words; VERSION_1 must be offered, then
    /// FEATURES_OK is set and must read back set (3.1.1 steps 5 and 6), or the device refused the features.</summary>
    BlockError NegotiateFeatures(ulong wantedFeatures)
    {
        _regs.Write32(VirtioMmio.HostFeaturesSel, 0);
        _offeredFeatures = _regs.Read32(VirtioMmio.HostFeatures);
        if (IsModern)
        {
            _regs.Write32(VirtioMmio.HostFeaturesSel, 1);
            _offeredFeatures |= (ulong)_regs.Read32(VirtioMmio.HostFeatures) << 32;
        }

        // VERSION_1 and BLK_SIZE whenever offered: a device with larger logical blocks fails every request that is not
        // whole blocks, whether or not the driver asked to know their size.
        _acceptedFeatures = _offeredFeatures & (wantedFeatures | AlwaysAccepted) & VirtioBlkFeatures.Supported;
        if (IsModern && (_offeredFeatures & VirtioBlkFeatures.Version1) == 0)
        {
            return BlockError.FeaturesRefused;   // a version 2 transport with a pre-1.0 device: not allowed (4.2.2)
        }

        _regs.Write32(VirtioMmio.GuestFeaturesSel, 0);
        _regs.Write32(VirtioMmio.GuestFeatures, (uint)_acceptedFeatures);
        if (IsModern)
        {
            _regs.Write32(VirtioMmio.GuestFeaturesSel, 1);
            _regs.Write32(VirtioMmio.GuestFeatures, (uint)(_acceptedFeatures >> 32));
            AddStatus(VirtioDeviceStatus.FeaturesOk);
            if ((_regs.Read32(VirtioMmio.Status) & VirtioDeviceStatus.FeaturesOk) == 0)
            {
                return BlockError.FeaturesRefused;
            }
        }

        return BlockError.None;
    }

    /// <summary>Sets up queue 0 with at most <paramref name="maxQueueSize"/> entries in one zeroed page-aligned area
    /// laid out as the legacy interface requires (which also meets the modern alignments: 16, 2 and 4 bytes).
    /// Legacy (4.2.4, "Virtqueue Configuration"): GuestPageSize, QueueNum, QueueAlign, then the area's page number in
    /// QueuePFN. Modern (4.2.3.2): QueueNum, the three 64-bit addresses, then QueueReady. Set up again after a reset,
    /// the queue keeps its size and its memory: the rings are zeroed, the driver's free list and the requests
    /// completed but not collected are kept.</summary>
    BlockError SetUpQueue(uint maxQueueSize)
    {
        if (!IsModern)
        {
            _regs.Write32(VirtioMmio.GuestPageSize, PageSize);
        }

        _regs.Write32(VirtioMmio.QueueSel, 0);
        if (_regs.Read32(IsModern ? VirtioMmio.QueueReady : VirtioMmio.QueuePFN) != 0)
        {
            return BlockError.QueueUnavailable;   // already in use
        }

        uint max = _regs.Read32(VirtioMmio.QueueNumMax);
        uint size = max < maxQueueSize ? max : maxQueueSize;
        if (size > MaxQueueSize)
        {
            size = MaxQueueSize;
        }

        while ((size & (size - 1)) != 0)
        {
            size &= size - 1;   // split queue sizes are powers of two (2.7): round down
        }

        uint align = VirtqLegacyLayout.Alignment;
        byte* area = _queueArea;
        if (area != null)
        {
            // Again after a reset: the same size, the same memory.
            if (size < _queue.Size)
            {
                return BlockError.QueueUnavailable;
            }

            size = _queue.Size;
            ZeroMemory(area, VirtqLegacyLayout.TotalSize(size, align));
            _queue.RestartRings();
        }
        else
        {
            if (size < 3)
            {
                return BlockError.QueueUnavailable;   // absent (0), or too small for a three-descriptor request
            }

            area = (byte*)_dma.AllocateZeroed(VirtqLegacyLayout.TotalSize(size, align), PageSize);
            if (area == null)
            {
                return BlockError.OutOfMemory;
            }

            // The free list and the chains' links: the driver's own, never handed to the device.
            _links = (ushort*)_dma.AllocateZeroed(Virtqueue.PrivateBytes(size), 2);
            if (_links == null)
            {
                return BlockError.OutOfMemory;
            }

            _queueArea = area;
            _queue = Virtqueue.Create(
                (VirtqDesc*)area,
                (VirtqAvail*)(area + VirtqLegacyLayout.AvailOffset(size)),
                (VirtqUsed*)(area + VirtqLegacyLayout.UsedOffset(size, align)),
                _links,
                (ushort)size);
        }

        ulong bus = _dma.BusAddress(area);
        if ((bus & (PageSize - 1)) != 0 || (!IsModern && bus / PageSize > uint.MaxValue))
        {
            return BlockError.OutOfMemory;   // QueuePFN is a 32-bit page number
        }

        _regs.Write32(VirtioMmio.QueueNum, size);
        if (IsModern)
        {
            WriteAddress(VirtioMmio.QueueDescLow, bus);
            WriteAddress(VirtioMmio.QueueDriverLow, bus + VirtqLegacyLayout.AvailOffset(size));
            WriteAddress(VirtioMmio.QueueDeviceLow, bus + VirtqLegacyLayout.UsedOffset(size, align));
            _regs.Write32(VirtioMmio.QueueReady, 1);
        }
        else
        {
            _regs.Write32(VirtioMmio.QueueAlign, align);
            _regs.Write32(VirtioMmio.QueuePFN, (uint)(bus / PageSize));
        }

        return BlockError.None;
    }

    static void ZeroMemory(byte* area, nuint bytes)
    {
        for (nuint i = 0; i < bytes; i++)
        {
            area[i] = 0;
        }
    }

    /// <summary>A 64-bit address to a Low register and the High one 4 bytes after it.</summary>
    void WriteAddress(uint lowRegister, ulong address)
    {
        _regs.Write32(lowRegister, (uint)address);
        _regs.Write32(lowRegister + 4, (uint)(address >> 32));
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
            uint generation = IsModern ? _regs.Read32(VirtioMmio.ConfigGeneration) : 0;
            uint high = ReadField32(VirtioBlkConfig.Capacity + 4);
            ulong capacity = ReadField32(VirtioBlkConfig.Capacity) | (ulong)high << 32;
            if (!IsModern && ReadField32(VirtioBlkConfig.Capacity + 4) != high)
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

            if (IsModern && _regs.Read32(VirtioMmio.ConfigGeneration) != generation)
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

    uint ReadField32(uint offset) => _regs.Read32(VirtioMmio.Config + offset);
}
