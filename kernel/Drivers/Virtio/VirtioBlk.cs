using System;
using System.Threading;
using Kernel.Drivers.Block;

namespace Kernel.Drivers.Virtio;

/// <summary>A virtio block device (virtio 1.x, 5.2) on the virtio-mmio transport, driven by polling with one request
/// in flight at a time. Both register interfaces work: legacy (version 1, 4.2.4; QEMU 7.2's default) and modern
/// (version 2, 4.2.2; virtio 1.0 and later). They differ only in <c>NegotiateFeatures</c> (VERSION_1, FEATURES_OK),
/// <c>SetUpQueue</c> (QueuePFN, or 64-bit addresses and QueueReady) and <c>ReadConfig64</c> (ConfigGeneration).
/// <para><typeparamref name="TRegs"/> reaches the registers, <typeparamref name="TDma"/> hands out the memory the
/// device reads and writes and translates pointers to bus addresses: both are structs, so every call is static.
/// Every buffer the device sees, the caller's included, is passed by bus address.</para>
/// <para>A mutable struct: keep it in one variable (not a readonly field) and call it there.</para></summary>
public unsafe struct VirtioBlk<TRegs, TDma> : IBlockDevice
    where TRegs : struct, IMmioRegisters
    where TDma : struct, IDmaMemory
{
    /// <summary>The most queue entries the driver asks for (fewer if QueueNumMax is smaller). Enough for a few
    /// requests of three descriptors in flight once the driver submits without waiting.</summary>
    public const uint DefaultQueueSize = 16;

    /// <summary>How many times a request polls the used ring before giving up: far more than QEMU needs (it
    /// completes a request in well under a millisecond); about two to three seconds of spinning under QEMU's TCG
    /// (measured: 10 million polls take 16 ms on rv64, 25 ms on rv32).</summary>
    public const ulong DefaultSpinLimit = 1_000_000_000;

    /// <summary>The page size the legacy interface is told (GuestPageSize), the unit of QueuePFN.</summary>
    public const uint PageSize = 4096;

    /// <summary>How often a multi-word configuration field is re-read when it changes under the driver.</summary>
    const int ConfigReadAttempts = 8;

    /// <summary>How many times a reset is polled for completion (a read of Status returning 0).</summary>
    const int ResetPollLimit = 1_000_000;

    TRegs _regs;
    TDma _dma;
    Virtqueue _queue;
    VirtioBlkRequestSlot* _slots;
    ulong _capacity;
    ulong _offeredFeatures;
    ulong _acceptedFeatures;
    ulong _spinLimit;
    uint _version;
    bool _ready;
    bool _broken;

    /// <summary>Initialises the device behind <paramref name="regs"/> with the default features
    /// (<see cref="VirtioBlkFeatures.Default"/>) and queue size. On failure the device's FAILED status bit is set
    /// (unless the window is not a virtio device at all) and <paramref name="device"/> refuses every request.</summary>
    public static BlockError Initialize(TRegs regs, TDma dma, out VirtioBlk<TRegs, TDma> device) =>
        Initialize(regs, dma, VirtioBlkFeatures.Default, DefaultQueueSize, out device);

    /// <summary>As <see cref="Initialize(TRegs, TDma, out VirtioBlk{TRegs, TDma})"/>, accepting the features of
    /// <paramref name="wantedFeatures"/> that the device offers and the driver implements
    /// (<see cref="VirtioBlkFeatures.Supported"/>), with at most <paramref name="maxQueueSize"/> queue entries.</summary>
    public static BlockError Initialize(TRegs regs, TDma dma, ulong wantedFeatures, uint maxQueueSize, out VirtioBlk<TRegs, TDma> device)
    {
        device = default;
        device._regs = regs;
        device._dma = dma;
        device._spinLimit = DefaultSpinLimit;
        BlockError error = device.Start(wantedFeatures, maxQueueSize);
        if (error != BlockError.None)
        {
            // 3.1.1: the driver sets FAILED when it gives up. Not on a window without the magic value: that is
            // no virtio device, and its register 0x70 may mean anything.
            if (error != BlockError.BadMagic)
            {
                device.SetFailed();
            }

            return error;
        }

        device._ready = true;
        return BlockError.None;
    }

    /// <summary>The size of the disk in 512-byte sectors, read from the configuration space at start-up.</summary>
    public readonly ulong CapacitySectors => _capacity;

    /// <summary>The size of the disk in bytes (saturating at <see cref="ulong.MaxValue"/>).</summary>
    public readonly ulong CapacityBytes =>
        _capacity > ulong.MaxValue >> VirtioBlkConfig.SectorShift ? ulong.MaxValue : _capacity << VirtioBlkConfig.SectorShift;

    /// <summary>The device offered VIRTIO_BLK_F_RO: writes are refused.</summary>
    public readonly bool IsReadOnly => (_offeredFeatures & VirtioBlkFeatures.ReadOnly) != 0;

    /// <summary>Initialised and not given up on: requests reach the device.</summary>
    public readonly bool IsReady => _ready && !_broken;

    /// <summary>The feature bits the device offered (legacy: bits 0-31 only).</summary>
    public readonly ulong OfferedFeatures => _offeredFeatures;

    /// <summary>The feature bits the driver accepted: a subset of the offered ones and of <see cref="VirtioBlkFeatures.Supported"/>.</summary>
    public readonly ulong AcceptedFeatures => _acceptedFeatures;

    /// <summary>The virtio-mmio version of the transport.</summary>
    public readonly uint TransportVersion => _version;

    /// <summary>The number of entries of the request queue.</summary>
    public readonly ushort QueueSize => _queue.Size;

    /// <summary>How many polls of the used ring a request waits before <see cref="BlockError.Timeout"/>
    /// (<see cref="DefaultSpinLimit"/> unless changed; at least 1).</summary>
    public ulong SpinLimit
    {
        readonly get => _spinLimit;
        set => _spinLimit = value == 0 ? 1 : value;
    }

    /// <summary>Reads <c>buffer.Length / 512</c> sectors starting at <paramref name="sector"/> into
    /// <paramref name="buffer"/>, whose length must be a non-zero multiple of 512.</summary>
    public BlockError Read(ulong sector, Span<byte> buffer)
    {
        BlockError error = CheckTransfer(sector, buffer.Length);
        if (error != BlockError.None)
        {
            return error;
        }

        fixed (byte* data = buffer)
        {
            return Submit(VirtioBlkReqHeader.VIRTIO_BLK_T_IN, sector, data, (uint)buffer.Length, deviceWrites: true);
        }
    }

    /// <summary>Writes <paramref name="buffer"/> (a non-zero multiple of 512 bytes) to the disk starting at
    /// <paramref name="sector"/>. <see cref="BlockError.ReadOnly"/> on a read-only disk, before the device is asked.</summary>
    public BlockError Write(ulong sector, ReadOnlySpan<byte> buffer)
    {
        BlockError error = CheckTransfer(sector, buffer.Length);
        if (error != BlockError.None)
        {
            return error;
        }

        if (IsReadOnly)
        {
            return BlockError.ReadOnly;
        }

        fixed (byte* data = buffer)
        {
            return Submit(VirtioBlkReqHeader.VIRTIO_BLK_T_OUT, sector, data, (uint)buffer.Length, deviceWrites: false);
        }
    }

    /// <summary>Makes completed writes durable. Without VIRTIO_BLK_F_FLUSH negotiated (the default) the device
    /// writes through and there is nothing to do; with it, sends VIRTIO_BLK_T_FLUSH.</summary>
    public BlockError Flush()
    {
        if (!IsReady)
        {
            return NotReadyError;
        }

        if ((_acceptedFeatures & VirtioBlkFeatures.Flush) == 0)
        {
            return BlockError.None;
        }

        return Submit(VirtioBlkReqHeader.VIRTIO_BLK_T_FLUSH, 0, null, 0, deviceWrites: false);
    }

    /// <summary>Reads the device's ID string (VIRTIO_BLK_T_GET_ID) into the first 20 bytes of
    /// <paramref name="id"/>: ASCII, NUL-padded, not terminated when 20 long. QEMU answers with the drive's serial.</summary>
    public BlockError GetId(Span<byte> id)
    {
        if (!IsReady)
        {
            return NotReadyError;
        }

        if (id.Length < VirtioBlkReqHeader.IdBytes)
        {
            return BlockError.BadBuffer;
        }

        fixed (byte* data = id)
        {
            return Submit(VirtioBlkReqHeader.VIRTIO_BLK_T_GET_ID, 0, data, VirtioBlkReqHeader.IdBytes, deviceWrites: true);
        }
    }

    readonly BlockError NotReadyError => _broken ? BlockError.DeviceNeedsReset : BlockError.NoDevice;

    /// <summary>What every read and write checks before the device sees it.</summary>
    readonly BlockError CheckTransfer(ulong sector, int length)
    {
        if (!IsReady)
        {
            return NotReadyError;
        }

        if (length <= 0 || (length & (VirtioBlkConfig.SectorSize - 1)) != 0)
        {
            return BlockError.BadBuffer;
        }

        ulong count = (ulong)length >> VirtioBlkConfig.SectorShift;
        if (sector >= _capacity || count > _capacity - sector)
        {
            return BlockError.OutOfRange;
        }

        return BlockError.None;
    }

    // ---- Initialisation (3.1.1, legacy 4.2.4) ----

    BlockError Start(ulong wantedFeatures, uint maxQueueSize)
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

        if (deviceId != VirtioMmio.DeviceIdBlock)
        {
            return BlockError.NotBlockDevice;
        }

        // 1. Reset. 2. ACKNOWLEDGE: a virtio device. 3. DRIVER: the driver knows how to drive it.
        if (!Reset())
        {
            return BlockError.Timeout;
        }

        AddStatus(VirtioDeviceStatus.Acknowledge);
        AddStatus(VirtioDeviceStatus.Driver);

        // 4-6. Features (and, modern, FEATURES_OK).
        BlockError error = NegotiateFeatures(wantedFeatures);
        if (error != BlockError.None)
        {
            return error;
        }

        // 7. Device-specific set-up: the queue, the request slots, the configuration.
        error = SetUpQueue(maxQueueSize);
        if (error != BlockError.None)
        {
            return error;
        }

        _slots = (VirtioBlkRequestSlot*)_dma.AllocateZeroed((nuint)(sizeof(VirtioBlkRequestSlot) * _queue.Size), 8);
        if (_slots == null)
        {
            return BlockError.OutOfMemory;
        }

        _capacity = ReadConfig64(VirtioBlkConfig.Capacity);

        // 8. DRIVER_OK: the device is live.
        AddStatus(VirtioDeviceStatus.DriverOk);
        if ((_regs.Read32(VirtioMmio.Status) & VirtioDeviceStatus.DeviceNeedsReset) != 0)
        {
            return BlockError.DeviceNeedsReset;
        }

        return BlockError.None;
    }

    /// <summary>Writes 0 to Status and waits for it to read back 0 (immediate on the legacy interface; the modern one
    /// may take time, 4.2.3.1).</summary>
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

    /// <summary>Reads the offered features and writes back the subset the driver implements and wants. Legacy: one
    /// 32-bit word and nothing more. Modern: two words; VERSION_1 must be offered and is accepted, then FEATURES_OK
    /// is set and must read back set (3.1.1 steps 5 and 6).</summary>
    BlockError NegotiateFeatures(ulong wantedFeatures)
    {
        _regs.Write32(VirtioMmio.HostFeaturesSel, 0);
        _offeredFeatures = _regs.Read32(VirtioMmio.HostFeatures);
        if (IsModern)
        {
            _regs.Write32(VirtioMmio.HostFeaturesSel, 1);
            _offeredFeatures |= (ulong)_regs.Read32(VirtioMmio.HostFeatures) << 32;
        }

        _acceptedFeatures = _offeredFeatures & wantedFeatures & VirtioBlkFeatures.Supported;
        if (IsModern)
        {
            if ((_offeredFeatures & VirtioBlkFeatures.Version1) == 0)
            {
                return BlockError.FeaturesRefused;   // a version 2 transport with a pre-1.0 device: not allowed (4.2.2)
            }

            _acceptedFeatures |= VirtioBlkFeatures.Version1;
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
    /// QueuePFN. Modern (4.2.3.2): QueueNum, the three 64-bit addresses, then QueueReady.</summary>
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
        if (size > 32768)
        {
            size = 32768;   // the largest split queue (2.7)
        }

        while ((size & (size - 1)) != 0)
        {
            size &= size - 1;   // legacy queue sizes are powers of two: round down
        }

        if (size < 3)
        {
            return BlockError.QueueUnavailable;   // absent (0), or too small for a three-descriptor request
        }

        uint align = VirtqLegacyLayout.Alignment;
        byte* area = (byte*)_dma.AllocateZeroed(VirtqLegacyLayout.TotalSize(size, align), PageSize);
        if (area == null)
        {
            return BlockError.OutOfMemory;
        }

        ulong bus = _dma.BusAddress(area);
        if ((bus & (PageSize - 1)) != 0 || (!IsModern && bus / PageSize > uint.MaxValue))
        {
            return BlockError.OutOfMemory;   // QueuePFN is a 32-bit page number
        }

        _queue = Virtqueue.Create(
            (VirtqDesc*)area,
            (VirtqAvail*)(area + VirtqLegacyLayout.AvailOffset(size)),
            (VirtqUsed*)(area + VirtqLegacyLayout.UsedOffset(size, align)),
            (ushort)size);

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

    /// <summary>A 64-bit address to a Low register and the High one 4 bytes after it.</summary>
    void WriteAddress(uint lowRegister, ulong address)
    {
        _regs.Write32(lowRegister, (uint)address);
        _regs.Write32(lowRegister + 4, (uint)(address >> 32));
    }

    /// <summary>A 64-bit configuration field as two 32-bit reads that cannot tear (2.5.1, 4.2.2.2). Modern: repeated
    /// until ConfigGeneration reads the same before and after. Legacy has no ConfigGeneration: the high word is read
    /// before and after the low one and the read repeated when it changed.</summary>
    ulong ReadConfig64(uint offset)
    {
        uint address = VirtioMmio.Config + offset;
        if (IsModern)
        {
            ulong value = 0;
            for (int attempt = 0; attempt < ConfigReadAttempts; attempt++)
            {
                uint generation = _regs.Read32(VirtioMmio.ConfigGeneration);
                value = _regs.Read32(address) | (ulong)_regs.Read32(address + 4) << 32;
                if (_regs.Read32(VirtioMmio.ConfigGeneration) == generation)
                {
                    break;
                }
            }

            return value;
        }

        uint high = _regs.Read32(address + 4);
        uint low = 0;
        for (int attempt = 0; attempt < ConfigReadAttempts; attempt++)
        {
            low = _regs.Read32(address);
            uint again = _regs.Read32(address + 4);
            if (again == high)
            {
                break;
            }

            high = again;
        }

        return (ulong)high << 32 | low;
    }

    // ---- Requests (5.2.6) ----

    /// <summary>Sends one request and polls for its completion: the header (device-readable), the data if any
    /// (device-writable for reads), the status byte (device-writable), in that order as 2.7.4.2 requires.</summary>
    BlockError Submit(uint type, ulong sector, byte* data, uint length, bool deviceWrites)
    {
        int needed = length != 0 ? 3 : 2;
        if (_queue.FreeCount < needed)
        {
            return BlockError.QueueUnavailable;
        }

        _queue.TryAllocate(out ushort head);
        _queue.TryAllocate(out ushort last);
        ushort middle = 0;
        if (length != 0)
        {
            middle = last;
            _queue.TryAllocate(out last);
        }

        VirtioBlkRequestSlot* slot = _slots + head;
        Volatile.Write(ref slot->Header.Type, type);
        Volatile.Write(ref slot->Header.Reserved, 0u);
        Volatile.Write(ref slot->Header.Sector, sector);
        Volatile.Write(ref slot->Status, VirtioBlkRequestSlot.StatusNotWritten);

        if (length != 0)
        {
            _queue.SetDescriptor(head, _dma.BusAddress(&slot->Header), (uint)sizeof(VirtioBlkReqHeader), deviceWrites: false, middle);
            _queue.SetDescriptor(middle, _dma.BusAddress(data), length, deviceWrites, last);
        }
        else
        {
            _queue.SetDescriptor(head, _dma.BusAddress(&slot->Header), (uint)sizeof(VirtioBlkReqHeader), deviceWrites: false, last);
        }

        _queue.SetDescriptor(last, _dma.BusAddress(&slot->Status), 1, deviceWrites: true, Virtqueue.NoNext);

        _queue.MakeAvailable(head);
        DmaBarriers.BeforeDoorbell();
        _regs.Write32(VirtioMmio.QueueNotify, 0);

        VirtqUsedElem used;
        ulong spins = 0;
        while (!_queue.TryTakeUsed(out used))
        {
            if (++spins >= _spinLimit)
            {
                return GiveUp();
            }
        }

        AcknowledgeInterrupt();
        if (used.Id != head)
        {
            // Only one request is in flight: any other id is a device bug, and the queue state is unknown.
            GiveUp();
            return BlockError.DeviceError;
        }

        _queue.FreeChain(head);
        byte status = Volatile.Read(ref slot->Status);
        return status switch
        {
            VirtioBlkStatus.VIRTIO_BLK_S_OK => BlockError.None,
            VirtioBlkStatus.VIRTIO_BLK_S_IOERR => BlockError.IoError,
            VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP => BlockError.Unsupported,
            _ => BlockError.DeviceError,
        };
    }

    /// <summary>Clears InterruptStatus (writing its bits to InterruptACK), so that a later interrupt-driven driver does
    /// not see completions the polling one already handled.</summary>
    void AcknowledgeInterrupt()
    {
        uint pending = _regs.Read32(VirtioMmio.InterruptStatus);
        if (pending != 0)
        {
            _regs.Write32(VirtioMmio.InterruptACK, pending);
        }
    }

    /// <summary>After a request did not complete: resets the device, which stops it from touching the queue and the
    /// caller's buffer (the request may still be in flight), then sets FAILED. Every later request answers
    /// <see cref="BlockError.DeviceNeedsReset"/>.</summary>
    BlockError GiveUp()
    {
        bool needsReset = (_regs.Read32(VirtioMmio.Status) & VirtioDeviceStatus.DeviceNeedsReset) != 0;
        _broken = true;
        Reset();
        SetFailed();
        return needsReset ? BlockError.DeviceNeedsReset : BlockError.Timeout;
    }
}
