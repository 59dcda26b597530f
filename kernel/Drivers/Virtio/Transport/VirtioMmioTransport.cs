using System.Runtime.CompilerServices;
namespace Kernel.Drivers.Virtio;

/// <summary>One virtio-mmio register window (virtio 1.x 4.2) as a device driver uses it: identification, the status
/// field, feature negotiation, queue set-up, notifications, interrupts and the configuration space. It hides the two
/// register interfaces: legacy (version 1, 4.2.4; QEMU 7.2's default) and modern (version 2, 4.2.2). They differ in
/// feature words and FEATURES_OK (<see cref="NegotiateFeatures"/>), in how a queue's memory is given
/// (<see cref="ActivateQueue"/>: a page number, or three 64-bit addresses and QueueReady) and in ConfigGeneration.
/// <para>Knows nothing of any device type or ring format: the block device above it decides what to accept and
/// where its queue lives.</para></summary>
public struct VirtioMmioTransport<TRegs> where TRegs : struct, IMmioRegisters
{
    /// <summary>The page size the legacy interface is told (GuestPageSize): the unit of QueuePFN.</summary>
    public const uint LegacyPageSize = 4096;

    TRegs _regs;
    uint _version;

    public VirtioMmioTransport(TRegs regs)
    {
        _regs = regs;
        _version = 0;
    }

    /// <summary>The virtio-mmio version read by <see cref="Identify"/> (1 legacy, 2 modern).</summary>
    public readonly uint Version => _version;

    /// <summary>The modern interface (version 2).</summary>
    public readonly bool IsModern
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _version == VirtioMmio.VersionModern;
    }

    /// <summary>The magic value, a version this driver implements, a device of type <paramref name="deviceId"/>
    /// (4.2.3.1.1). Reads only: a window that fails is left exactly as it was, not even FAILED is written.</summary>
    public BlockError Identify(uint deviceId)
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

        uint found = _regs.Read32(VirtioMmio.DeviceID);
        if (found == 0)
        {
            return BlockError.NoDevice;
        }

        return found == deviceId ? BlockError.None : BlockError.NotBlockDevice;
    }

    // ---- The status field (2.1) ----

    /// <summary>Writes 0 to Status and waits for it to read back 0 (immediate on the legacy interface; the modern one
    /// may take time, 4.2.3.1), for at most <see cref="IMmioRegisters.ResetPollLimit"/> reads. False when it never did:
    /// the device may still own every buffer it was given (3.3.1).</summary>
    public bool Reset()
    {
        _regs.Write32(VirtioMmio.Status, VirtioDeviceStatus.Reset);
        int limit = _regs.ResetPollLimit;
        for (int i = 0; i < limit; i++)
        {
            if (_regs.Read32(VirtioMmio.Status) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The device status field.</summary>
    public uint Status => _regs.Read32(VirtioMmio.Status);

    /// <summary>Sets <paramref name="bits"/> in the status field, keeping the ones already set.</summary>
    public void AddStatus(uint bits) => _regs.Write32(VirtioMmio.Status, _regs.Read32(VirtioMmio.Status) | bits);

    /// <summary>The device set DEVICE_NEEDS_RESET.</summary>
    public bool NeedsReset => (_regs.Read32(VirtioMmio.Status) & VirtioDeviceStatus.DeviceNeedsReset) != 0;

    // ---- Features (2.2, 3.1.1 steps 4 to 6) ----

    /// <summary>Reads the offered features and writes back those of <paramref name="acceptable"/> among them. Legacy:
    /// one 32-bit word and nothing more. Modern: two words; VERSION_1 must be offered (4.2.2: a version 2 transport
    /// with a pre-1.0 device is not allowed), then FEATURES_OK is set and must read back set, or the device refused
    /// the features (<see cref="BlockError.FeaturesRefused"/> either way).</summary>
    public BlockError NegotiateFeatures(ulong acceptable, out ulong offered, out ulong accepted)
    {
        _regs.Write32(VirtioMmio.HostFeaturesSel, 0);
        offered = _regs.Read32(VirtioMmio.HostFeatures);
        if (IsModern)
        {
            _regs.Write32(VirtioMmio.HostFeaturesSel, 1);
            offered |= (ulong)_regs.Read32(VirtioMmio.HostFeatures) << 32;
        }

        accepted = offered & acceptable;
        if (IsModern && (offered & VirtioFeatures.Version1) == 0)
        {
            return BlockError.FeaturesRefused;
        }

        _regs.Write32(VirtioMmio.GuestFeaturesSel, 0);
        _regs.Write32(VirtioMmio.GuestFeatures, (uint)accepted);
        if (IsModern)
        {
            _regs.Write32(VirtioMmio.GuestFeaturesSel, 1);
            _regs.Write32(VirtioMmio.GuestFeatures, (uint)(accepted >> 32));
            AddStatus(VirtioDeviceStatus.FeaturesOk);
            if ((_regs.Read32(VirtioMmio.Status) & VirtioDeviceStatus.FeaturesOk) == 0)
            {
                return BlockError.FeaturesRefused;
            }
        }

        return BlockError.None;
    }

    // ---- Queues (4.2.3.2; legacy 4.2.4) ----

    /// <summary>Selects queue <paramref name="index"/> and returns its QueueNumMax (0: the queue does not exist).
    /// Legacy: GuestPageSize is written first, as the legacy sequence has it. <see cref="BlockError.QueueUnavailable"/>
    /// when the queue is already in use (QueueReady, or QueuePFN, reads non-zero).</summary>
    public BlockError SelectQueue(uint index, out uint maxSize)
    {
        maxSize = 0;
        if (!IsModern)
        {
            _regs.Write32(VirtioMmio.GuestPageSize, LegacyPageSize);
        }

        _regs.Write32(VirtioMmio.QueueSel, index);
        if (_regs.Read32(IsModern ? VirtioMmio.QueueReady : VirtioMmio.QueuePFN) != 0)
        {
            return BlockError.QueueUnavailable;
        }

        maxSize = _regs.Read32(VirtioMmio.QueueNumMax);
        return BlockError.None;
    }

    /// <summary>Gives the selected queue its size and memory and makes it live. Modern: the descriptor area, the driver
    /// area and the device area at any addresses (their alignments are the ring format's business), then QueueReady.
    /// Legacy: one contiguous area laid out as <see cref="VirtqLegacyLayout"/> with <paramref name="legacyAlign"/>
    /// (QueueAlign), starting on a page (its page number goes into QueuePFN, a 32-bit register): the driver and device
    /// addresses are implied. <see cref="BlockError.OutOfMemory"/> when the legacy area cannot be described.</summary>
    public BlockError ActivateQueue(uint size, ulong descBus, ulong driverBus, ulong deviceBus, uint legacyAlign)
    {
        if (!IsModern && ((descBus & (LegacyPageSize - 1)) != 0 || descBus / LegacyPageSize > uint.MaxValue))
        {
            return BlockError.OutOfMemory;
        }

        _regs.Write32(VirtioMmio.QueueNum, size);
        if (IsModern)
        {
            WriteAddress(VirtioMmio.QueueDescLow, descBus);
            WriteAddress(VirtioMmio.QueueDriverLow, driverBus);
            WriteAddress(VirtioMmio.QueueDeviceLow, deviceBus);
            _regs.Write32(VirtioMmio.QueueReady, 1);
        }
        else
        {
            _regs.Write32(VirtioMmio.QueueAlign, legacyAlign);
            _regs.Write32(VirtioMmio.QueuePFN, (uint)(descBus / LegacyPageSize));
        }

        return BlockError.None;
    }

    /// <summary>A 64-bit address to a Low register and the High one 4 bytes after it.</summary>
    void WriteAddress(uint lowRegister, ulong address)
    {
        _regs.Write32(lowRegister, (uint)address);
        _regs.Write32(lowRegister + 4, (uint)(address >> 32));
    }

    /// <summary>Tells the device that queue <paramref name="index"/> has new buffers (QueueNotify), after the barrier
    /// that makes the ring writes visible first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Notify(uint index)
    {
        DmaBarriers.BeforeDoorbell();
        _regs.Write32(VirtioMmio.QueueNotify, index);
    }

    // ---- Interrupts (4.2.2) ----

    /// <summary>Reads InterruptStatus and writes the bits it found to InterruptACK, only the defined ones (4.2.2.2),
    /// which lowers the device's interrupt line; then a fence, so that the rings are read after the device saw the
    /// acknowledgement and a completion published in between raises the line again. Returns the bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint AcknowledgeInterrupt()
    {
        uint pending = _regs.Read32(VirtioMmio.InterruptStatus) & (VirtioMmio.InterruptUsedBuffer | VirtioMmio.InterruptConfigChange);
        if (pending != 0)
        {
            Acknowledge(pending);
        }

        return pending;
    }

    /// <summary>InterruptStatus, unacknowledged.</summary>
    public uint InterruptStatus
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _regs.Read32(VirtioMmio.InterruptStatus);
    }

    /// <summary>Acknowledges <paramref name="bits"/> of InterruptStatus alone, then the fence of
    /// <see cref="AcknowledgeInterrupt"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Acknowledge(uint bits)
    {
        _regs.Write32(VirtioMmio.InterruptACK, bits);
        DmaBarriers.AfterInterruptAck();
    }

    // ---- Configuration space (2.5, 4.2.2) ----

    /// <summary>ConfigGeneration (modern); 0 on the legacy interface, which has none.</summary>
    public uint ConfigGeneration
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsModern ? _regs.Read32(VirtioMmio.ConfigGeneration) : 0;
    }

    /// <summary>A 32-bit field at <paramref name="offset"/> bytes into the device-specific configuration space.</summary>
    public uint ReadConfig32(uint offset) => _regs.Read32(VirtioMmio.Config + offset);

    /// <summary>An 8-bit field at <paramref name="offset"/> bytes into the device-specific configuration space (a u8
    /// field is read 8 bits wide, 4.2.2.2).</summary>
    public byte ReadConfig8(uint offset) => _regs.Read8(VirtioMmio.Config + offset);

    /// <summary>Writes the 8-bit field at <paramref name="offset"/> of the device-specific configuration space: only the
    /// fields a device defines as writable (virtio-blk: <c>writeback</c> with CONFIG_WCE).</summary>
    public void WriteConfig8(uint offset, byte value) => _regs.Write8(VirtioMmio.Config + offset, value);
}
