using System.Buffers.Binary;
using System.Text;
using System.Threading;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>When the fake device completes the requests it is notified of.</summary>
public enum CompletionMode
{
    /// <summary>During the QueueNotify write (QEMU does much the same).</summary>
    Immediate,

    /// <summary>On another thread, <see cref="FakeVirtioBlkDevice.CompletionDelay"/> after the notification: the
    /// driver's polling really has to see memory another CPU writes.</summary>
    Deferred,

    /// <summary>Never: a hung device.</summary>
    Never,

    /// <summary>On the test's command: a notification only moves the available chains to a list of pending requests
    /// (<see cref="FakeVirtioBlkDevice.PendingHeads"/>); <see cref="FakeVirtioBlkDevice.CompletePending"/> and friends
    /// execute and complete them, in any order, whenever the test (or its wait) says.</summary>
    Manual,
}

/// <summary>One request the fake device executed.</summary>
public readonly record struct FakeRequest(uint Type, ulong Sector, int DataLength, byte Status);

/// <summary>A virtio-mmio block device in C#, over a byte[] disk image, for the driver's host tests. It implements
/// the register interface as the specification describes it, legacy (virtio 1.x 4.2.4; <see cref="Version"/> 1, the
/// default) or modern (4.2.2; version 2), processes the available ring on QueueNotify by walking descriptor chains in
/// guest memory (a <see cref="DmaArena"/>, reached only by bus address), and records every rule of the
/// specification it can see the driver break in <see cref="Violations"/>: the tests assert there are none.</summary>
public sealed unsafe partial class FakeVirtioBlkDevice
{
    /// <summary>What QEMU's virtio-blk offers on the legacy transport, give or take: SEG_MAX, GEOMETRY, BLK_SIZE,
    /// FLUSH, TOPOLOGY, CONFIG_WCE, DISCARD, WRITE_ZEROES (QEMU 7.2 offers both on the legacy transport too: the
    /// kernel's <c>blk list</c> shows them), ANY_LAYOUT, INDIRECT_DESC, EVENT_IDX and the legacy NOTIFY_ON_EMPTY (bit 24).</summary>
    public const ulong QemuLikeFeatures =
        VirtioBlkFeatures.SegMax | VirtioBlkFeatures.Geometry | VirtioBlkFeatures.BlockSize | VirtioBlkFeatures.Flush |
        VirtioBlkFeatures.Topology | VirtioBlkFeatures.ConfigWce | VirtioBlkFeatures.Discard | VirtioBlkFeatures.WriteZeroes |
        VirtioBlkFeatures.AnyLayout | VirtioBlkFeatures.RingIndirectDesc | VirtioBlkFeatures.RingEventIdx | 1ul << 24;

    /// <summary>What QEMU's virtio-blk offers on the modern transport, give or take: the legacy set without
    /// ANY_LAYOUT and NOTIFY_ON_EMPTY, with VERSION_1.</summary>
    public const ulong ModernQemuLikeFeatures =
        (QemuLikeFeatures & ~(VirtioBlkFeatures.AnyLayout | 1ul << 24)) | VirtioBlkFeatures.Version1;

    readonly object _gate = new();
    readonly DmaArena _memory;
    readonly List<string> _violations = [];
    readonly List<FakeRequest> _requests = [];
    readonly List<uint> _statusWrites = [];
    readonly Dictionary<ulong, byte[]> _sparse = [];

    // Driver-written state, cleared by a reset.
    uint _status;
    uint _hostFeaturesSel;
    uint _guestFeaturesSel;
    ulong _guestFeatures;
    bool _guestFeaturesWritten;
    uint _guestPageSize;
    uint _queueSel;
    uint _queueNum;
    uint _queueAlign;
    uint _queuePfn;
    uint _interruptStatus;
    bool _queueReady;
    ulong _queueDesc;
    ulong _queueDriver;
    ulong _queueDevice;
    uint _configGeneration;
    ulong _capacitySectors;
    ushort _lastAvailIdx;
    ushort _usedIdx;
    readonly List<PendingChain> _pending = [];
    bool _needsReset;
    bool _noNotifyPublished;
    ushort _availEventWritten;

    /// <summary>A chain the device has taken from the available ring and not completed yet, with its descriptors as
    /// they were when it was taken (the driver must not change them while the device owns them).</summary>
    /// <para>Packed ring: <c>Head</c> is the buffer id, the descriptors are the ring slots it took (<c>Next</c> unused)
    /// and <c>Elements</c> what the buffer describes, indirect tables followed.</para>
    sealed record PendingChain(ushort Head, (ushort Index, ulong Addr, uint Len, ushort Flags, ushort Next)[] Descriptors,
        List<(ulong Addr, uint Len, bool Write)>? Elements = null);

    public FakeVirtioBlkDevice(DmaArena memory, byte[] disk)
    {
        _memory = memory;
        Disk = disk;
        CapacitySectors = (ulong)disk.Length / 512;
    }

    // ---- What the device is (set by the test before the driver starts) ----

    /// <summary>The disk image; sectors past its end (up to <see cref="CapacitySectors"/>) live in a sparse map.</summary>
    public byte[] Disk { get; }

    public uint MagicValue { get; set; } = VirtioMmio.Magic;

    public uint Version { get; set; } = VirtioMmio.VersionLegacy;

    public uint DeviceId { get; set; } = VirtioMmio.DeviceIdBlock;

    public uint VendorId { get; set; } = 0x554d4551;   // "QEMU"

    /// <summary>The feature bits offered (legacy: bits 0-31 only).</summary>
    public ulong HostFeatures { get; set; } = QemuLikeFeatures;

    public uint QueueNumMax { get; set; } = 256;

    /// <summary>The capacity field of the configuration space, in 512-byte sectors. A change bumps ConfigGeneration.</summary>
    public ulong CapacitySectors
    {
        get => _capacitySectors;
        set
        {
            _capacitySectors = value;
            _configGeneration++;
        }
    }

    public uint BlockSize { get; set; } = 512;

    /// <summary>Topology (VIRTIO_BLK_F_TOPOLOGY): log2 of logical blocks per physical block, and the minimum and
    /// optimal I/O sizes in logical blocks.</summary>
    public byte PhysicalBlockExp { get; set; }

    public ushort MinIoBlocks { get; set; } = 1;

    public uint OptIoBlocks { get; set; }

    /// <summary>What VIRTIO_BLK_T_GET_ID answers (QEMU: the drive's serial).</summary>
    public string Serial { get; set; } = "fake-serial";

    /// <summary>size_max in the configuration (offer <see cref="VirtioBlkFeatures.SizeMax"/> for it to count): with
    /// SIZE_MAX negotiated, a data descriptor longer than this is a violation.</summary>
    public uint SizeMax { get; set; }

    /// <summary>seg_max in the configuration (QEMU: its queue-size property less 2): with SEG_MAX negotiated, a request
    /// with more data descriptors than this is a violation.</summary>
    public uint SegMax { get; set; } = 126;

    /// <summary>When set, the device keeps VIRTQ_USED_F_NO_NOTIFY in used->flags (it polls): a driver should then not
    /// notify, and the chains it makes available are taken by <see cref="Poll"/>.</summary>
    public bool SuppressNotifications { get; set; }

    /// <summary>Called when the driver reads InterruptStatus, before the value is returned: lets a test publish a
    /// completion exactly between the driver's look at InterruptStatus and its acknowledgement.</summary>
    public Action<FakeVirtioBlkDevice>? OnInterruptStatusRead { get; set; }

    public CompletionMode Completion { get; set; } = CompletionMode.Immediate;

    public TimeSpan CompletionDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>When set, every request completes with this status byte and leaves the disk alone.</summary>
    public byte? ForcedStatus { get; set; }

    /// <summary>When set, used-ring entries carry this id instead of the chain's head (a broken device).</summary>
    public uint? CorruptUsedId { get; set; }

    /// <summary>Modern: when set, the device does not accept the driver's features (FEATURES_OK does not stick).</summary>
    public bool RefuseFeatures { get; set; }

    /// <summary>When set, the device sets DEVICE_NEEDS_RESET as soon as the driver sets DRIVER_OK.</summary>
    public bool NeedsResetOnDriverOk { get; set; }

    /// <summary>Called after every read of the configuration space with the offset read (relative to 0x100): lets a
    /// test change the configuration between two reads of a multi-word field.</summary>
    public Action<FakeVirtioBlkDevice, uint>? AfterConfigRead { get; set; }

    // ---- What the driver did ----

    /// <summary>Every rule of the specification the device saw broken.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>How many rules the device saw broken (<see cref="Violations"/> without copying them).</summary>
    public int ViolationCount
    {
        get
        {
            lock (_gate)
            {
                return _violations.Count;
            }
        }
    }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Every value written to Status, in order.</summary>
    public IReadOnlyList<uint> StatusWrites
    {
        get
        {
            lock (_gate)
            {
                return [.. _statusWrites];
            }
        }
    }

    public uint Status => _status;

    public ulong GuestFeatures => _guestFeatures;

    public uint GuestPageSize => _guestPageSize;

    public uint QueueNum => _queueNum;

    public uint QueueAlign => _queueAlign;

    public uint QueuePfn => _queuePfn;

    public bool QueueReady => _queueReady;

    /// <summary>Modern: the bus addresses of the descriptor table, the driver area and the device area.</summary>
    public (ulong Desc, ulong Driver, ulong Device) QueueAddresses => (_queueDesc, _queueDriver, _queueDevice);

    public uint InterruptStatus => _interruptStatus;

    /// <summary>The device's interrupt line: high while InterruptStatus is not zero (level-triggered, as QEMU's).</summary>
    public bool InterruptLine
    {
        get
        {
            lock (_gate)
            {
                return _interruptStatus != 0;
            }
        }
    }

    /// <summary>How often the device raised the used-buffer interrupt, and how often the driver wrote InterruptACK.</summary>
    public int InterruptsRaised { get; private set; }

    public int InterruptAcks { get; private set; }

    /// <summary>Heads of the chains taken from the available ring and not completed (manual completion), oldest first.</summary>
    public IReadOnlyList<ushort> PendingHeads
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending.Select(p => p.Head)];
            }
        }
    }

    /// <summary>The descriptors of all pending chains, as the device took them: those in the device's hands.</summary>
    public int PendingDescriptorCount
    {
        get
        {
            lock (_gate)
            {
                int count = 0;
                foreach (PendingChain chain in _pending)
                {
                    count += chain.Descriptors.Length;
                }

                return count;
            }
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The most chains the device held at once (manual completion).</summary>
    public int MaxPending { get; private set; }

    /// <summary>The most data descriptors seen in one request.</summary>
    public int MaxDataDescriptors { get; private set; }

    /// <summary>The device's used-ring index (wraps at 65536).</summary>
    public ushort UsedIdx => _usedIdx;

    public int NotifyCount { get; private set; }

    public int ResetCount { get; private set; }

    public int FlushCount { get; private set; }

    /// <summary>Requests the device executed, all types (a counter: <see cref="Requests"/> keeps only the last 1000).</summary>
    public long RequestCount { get; private set; }

    bool IsLegacy => Version == VirtioMmio.VersionLegacy;

    bool ReadOnly => (HostFeatures & VirtioBlkFeatures.ReadOnly) != 0;

    void Violation(string message) => _violations.Add(message);

    // ---- Registers (4.2.2; legacy 4.2.4) ----

    public uint Read32(uint offset)
    {
        lock (_gate)
        {
            if (offset >= VirtioMmio.Config)
            {
                if ((offset & 3) != 0)
                {
                    Violation($"unaligned 32-bit configuration read at 0x{offset:x}");
                }

                CheckOptionalConfigRead(offset - VirtioMmio.Config, 4);
                uint value = BinaryPrimitives.ReadUInt32LittleEndian(ConfigBytes(offset - VirtioMmio.Config, 4));
                AfterConfigRead?.Invoke(this, offset - VirtioMmio.Config);
                return value;
            }

            switch (offset)
            {
                case VirtioMmio.MagicValue:
                    return MagicValue;
                case VirtioMmio.Version:
                    return Version;
                case VirtioMmio.DeviceID:
                    return DeviceId;
                case VirtioMmio.VendorID:
                    return VendorId;
                case VirtioMmio.HostFeatures:
                    // Legacy: only the first word exists (QEMU answers 0 for others).
                    return _hostFeaturesSel == 0 ? (uint)HostFeatures : IsLegacy ? 0u : (uint)(HostFeatures >> 32);
                case VirtioMmio.QueueNumMax:
                    return _queueSel == 0 ? QueueNumMax : 0;
                case VirtioMmio.QueuePFN when IsLegacy:
                    return _queueSel == 0 ? _queuePfn : 0;
                case VirtioMmio.QueueReady when !IsLegacy:
                    return _queueSel == 0 && _queueReady ? 1u : 0u;
                case VirtioMmio.ConfigGeneration when !IsLegacy:
                    return _configGeneration;
                case VirtioMmio.InterruptStatus:
                    OnInterruptStatusRead?.Invoke(this);
                    return _interruptStatus == 0 ? 0 : _interruptStatus | UndefinedInterruptBits;
                case VirtioMmio.Status:
                    return ReadStatus();
                default:
                    Violation($"read of write-only or unknown register 0x{offset:x3}");
                    return 0;
            }
        }
    }

    public byte Read8(uint offset)
    {
        lock (_gate)
        {
            if (offset < VirtioMmio.Config)
            {
                Violation($"8-bit read of register 0x{offset:x3} (registers are 32 bits wide)");
                return 0;
            }

            CheckOptionalConfigRead(offset - VirtioMmio.Config, 1);
            byte value = ConfigBytes(offset - VirtioMmio.Config, 1)[0];
            AfterConfigRead?.Invoke(this, offset - VirtioMmio.Config);
            return value;
        }
    }

    public void Write32(uint offset, uint value)
    {
        Task? deferred = null;
        lock (_gate)
        {
            if (offset >= VirtioMmio.Config)
            {
                // Block configuration is read-only, except writeback with VIRTIO_BLK_F_CONFIG_WCE: 8 bits wide (Write8).
                Violation($"write of 0x{value:x} to configuration offset 0x{offset - VirtioMmio.Config:x}");
                return;
            }

            switch (offset)
            {
                case VirtioMmio.HostFeaturesSel:
                    _hostFeaturesSel = value;
                    break;
                case VirtioMmio.GuestFeatures:
                    WriteGuestFeatures(value);
                    break;
                case VirtioMmio.GuestFeaturesSel:
                    _guestFeaturesSel = value;
                    break;
                case VirtioMmio.GuestPageSize when IsLegacy:
                    if (value == 0 || (value & (value - 1)) != 0)
                    {
                        Violation($"GuestPageSize {value} is not a power of two");
                    }

                    _guestPageSize = value;
                    break;
                case VirtioMmio.QueueSel:
                    _queueSel = value;
                    break;
                case VirtioMmio.QueueNum:
                    WriteQueueNum(value);
                    break;
                case VirtioMmio.QueueAlign when IsLegacy:
                    if (value == 0 || (value & (value - 1)) != 0)
                    {
                        Violation($"QueueAlign {value} is not a power of two");
                    }

                    _queueAlign = value;
                    break;
                case VirtioMmio.QueuePFN when IsLegacy:
                    WriteQueuePfn(value);
                    break;
                case VirtioMmio.QueueReady when !IsLegacy:
                    WriteQueueReady(value);
                    break;
                case VirtioMmio.QueueDescLow when !IsLegacy:
                case VirtioMmio.QueueDescHigh when !IsLegacy:
                    WriteQueueAddress(ref _queueDesc, offset - VirtioMmio.QueueDescLow, value);
                    break;
                case VirtioMmio.QueueDriverLow when !IsLegacy:
                case VirtioMmio.QueueDriverHigh when !IsLegacy:
                    WriteQueueAddress(ref _queueDriver, offset - VirtioMmio.QueueDriverLow, value);
                    break;
                case VirtioMmio.QueueDeviceLow when !IsLegacy:
                case VirtioMmio.QueueDeviceHigh when !IsLegacy:
                    WriteQueueAddress(ref _queueDevice, offset - VirtioMmio.QueueDeviceLow, value);
                    break;
                case VirtioMmio.QueueNotify:
                    deferred = Notify(value);
                    break;
                case VirtioMmio.InterruptACK:
                    if ((value & ~(VirtioMmio.InterruptUsedBuffer | VirtioMmio.InterruptConfigChange)) != 0)
                    {
                        Violation($"InterruptACK 0x{value:x} acknowledges bits that do not exist");
                    }

                    InterruptAcks++;
                    _interruptStatus &= ~value;
                    _events.Add("ack");
                    break;
                case VirtioMmio.Status:
                    WriteStatus(value);
                    break;
                default:
                    Violation($"write of 0x{value:x} to read-only or unknown register 0x{offset:x3}");
                    break;
            }
        }

        deferred?.Start();
    }

    void WriteGuestFeatures(uint value)
    {
        if (IsLegacy && _guestFeaturesSel != 0)
        {
            Violation($"GuestFeatures written with GuestFeaturesSel {_guestFeaturesSel} (legacy: one word)");
            return;
        }

        if ((_status & VirtioDeviceStatus.Driver) == 0 || (_status & (VirtioDeviceStatus.DriverOk | VirtioDeviceStatus.FeaturesOk)) != 0)
        {
            Violation($"features written in status 0x{_status:x} (must be after DRIVER, before FEATURES_OK and DRIVER_OK)");
        }

        if (_guestFeaturesSel > 1)
        {
            Violation($"GuestFeatures written with GuestFeaturesSel {_guestFeaturesSel} (there are 64 feature bits)");
            return;
        }

        int shift = _guestFeaturesSel == 0 ? 0 : 32;
        ulong offered = (HostFeatures >> shift) & 0xffff_ffff;
        if ((value & ~offered) != 0)
        {
            Violation($"accepted feature bits 0x{value & ~offered:x} that were not offered");
        }

        _guestFeatures = (_guestFeatures & ~(0xffff_fffful << shift)) | ((ulong)value << shift);
        _guestFeaturesWritten = true;
    }

    void WriteQueueNum(uint value)
    {
        if (_queueSel != 0)
        {
            Violation($"QueueNum written for queue {_queueSel}, which does not exist");
            return;
        }

        if (value == 0 || value > QueueNumMax || (IsLegacy && (value & (value - 1)) != 0))
        {
            Violation($"QueueNum {value} (QueueNumMax {QueueNumMax}; legacy sizes are powers of two)");
        }

        if ((_status & VirtioDeviceStatus.DriverOk) != 0 || _queueReady)
        {
            Violation("QueueNum written after DRIVER_OK or QueueReady");
        }

        _queueNum = value;
    }

    void WriteQueueAddress(ref ulong address, uint half, uint value)
    {
        if (_queueSel != 0)
        {
            Violation($"queue address written for queue {_queueSel}, which does not exist");
            return;
        }

        if (_queueReady || (_status & VirtioDeviceStatus.DriverOk) != 0)
        {
            Violation("queue address written after QueueReady or DRIVER_OK");
        }

        address = half == 0 ? (address & ~0xffff_fffful) | value : (address & 0xffff_fffful) | (ulong)value << 32;
    }

    void WriteQueueReady(uint value)
    {
        if (_queueSel != 0)
        {
            Violation($"QueueReady written for queue {_queueSel}, which does not exist");
            return;
        }

        if (value == 0)
        {
            _queueReady = false;
            return;
        }

        // 4.2.3.2: QueueNum and the three addresses before QueueReady; alignments 16, 2, 4 (2.7); packed: 16, 4, 4
        // and 4-byte event suppression structures (2.8.10.1).
        if (_queueNum == 0)
        {
            Violation("QueueReady set before QueueNum");
        }
        else if (_queueDesc % 16 != 0 || _queueDriver % (Packed ? 4u : 2u) != 0 || _queueDevice % 4 != 0)
        {
            Violation($"queue areas misaligned: 0x{_queueDesc:x}, 0x{_queueDriver:x}, 0x{_queueDevice:x}");
        }
        else if (_memory.Translate(_queueDesc, 16ul * _queueNum) == null ||
                 _memory.Translate(_queueDriver, Packed ? 4 : 6 + 2ul * _queueNum) == null ||
                 _memory.Translate(_queueDevice, Packed ? 4 : 6 + 8ul * _queueNum) == null)
        {
            Violation("queue areas outside guest memory");
        }

        _queueReady = true;
    }

    void WriteQueuePfn(uint value)
    {
        if (_queueSel != 0)
        {
            Violation($"QueuePFN written for queue {_queueSel}, which does not exist");
            return;
        }

        if ((_status & VirtioDeviceStatus.DriverOk) != 0)
        {
            Violation("QueuePFN written after DRIVER_OK");
        }

        if (value != 0)
        {
            if (_guestPageSize == 0)
            {
                Violation("QueuePFN written before GuestPageSize");
            }

            if (_queueNum == 0)
            {
                Violation("QueuePFN written before QueueNum");
            }

            if (_queueAlign == 0)
            {
                Violation("QueuePFN written before QueueAlign");
            }

            if (_guestPageSize != 0 && _queueNum != 0 && _queueAlign != 0)
            {
                ulong bus = (ulong)value * _guestPageSize;
                ulong size = LegacyQueueBytes(_queueNum, _queueAlign);
                if (_memory.Translate(bus, size) == null)
                {
                    Violation($"queue at bus address 0x{bus:x} ({size} bytes) is outside guest memory");
                }
            }
        }

        _queuePfn = value;
    }

    void WriteStatus(uint value)
    {
        _statusWrites.Add(value);
        if (value == 0)
        {
            // A device already reset (Status 0) has nothing left to reset: only a live one holds the reset back.
            if (ResetNeverCompletes && _status != 0)
            {
                _resetRequested = true;   // 4.2.3.1: Status keeps reading non-zero; the queue stays live
                return;
            }

            Reset();
            return;
        }

        if ((value & _status) != _status)
        {
            Violation($"status 0x{value:x} clears bits of 0x{_status:x} without a reset");
        }

        uint added = value & ~_status;
        const uint Known = VirtioDeviceStatus.Acknowledge | VirtioDeviceStatus.Driver | VirtioDeviceStatus.DriverOk |
                           VirtioDeviceStatus.FeaturesOk | VirtioDeviceStatus.Failed;
        // Bits the device set itself (DEVICE_NEEDS_RESET) are written back as they were: the driver may not clear
        // them (2.1.1), so only bits it adds count.
        if ((added & ~Known) != 0)
        {
            Violation($"status 0x{value:x} sets bits the driver may not set");
        }

        if ((added & VirtioDeviceStatus.FeaturesOk) != 0)
        {
            if (IsLegacy)
            {
                Violation("FEATURES_OK set on the legacy interface");
            }
            else if (!_guestFeaturesWritten || (_guestFeatures & VirtioBlkFeatures.Version1) == 0 || RefuseFeatures)
            {
                // 2.2.2: the device does not keep FEATURES_OK when it does not accept the features.
                if (!_guestFeaturesWritten || (_guestFeatures & VirtioBlkFeatures.Version1) == 0)
                {
                    Violation("FEATURES_OK without the features, VERSION_1 included, written first");
                }

                value &= ~VirtioDeviceStatus.FeaturesOk;
                added &= ~VirtioDeviceStatus.FeaturesOk;
            }
        }

        if ((added & VirtioDeviceStatus.Driver) != 0 && (value & VirtioDeviceStatus.Acknowledge) == 0)
        {
            Violation("DRIVER set without ACKNOWLEDGE");
        }

        if ((added & VirtioDeviceStatus.DriverOk) != 0)
        {
            if ((value & VirtioDeviceStatus.Driver) == 0)
            {
                Violation("DRIVER_OK set without DRIVER");
            }

            if (!_guestFeaturesWritten)
            {
                Violation("DRIVER_OK set before the features were written");
            }

            if (IsLegacy && _queuePfn == 0)
            {
                Violation("DRIVER_OK set before the queue was configured (QueuePFN)");
            }

            if (!IsLegacy && ((_status & VirtioDeviceStatus.FeaturesOk) == 0 || !_queueReady))
            {
                Violation("DRIVER_OK set before FEATURES_OK and QueueReady");
            }

            if ((value & VirtioDeviceStatus.Failed) != 0 || (_status & VirtioDeviceStatus.Failed) != 0)
            {
                Violation("DRIVER_OK set on a device marked FAILED");
            }

            ChooseCacheModeAtDriverOk();
            if (NeedsResetOnDriverOk)
            {
                value |= VirtioDeviceStatus.DeviceNeedsReset;
            }
        }

        _status = value | (_status & VirtioDeviceStatus.DeviceNeedsReset);
    }

    void Reset()
    {
        ResetCount++;
        _status = 0;
        _hostFeaturesSel = 0;
        _guestFeaturesSel = 0;
        _guestFeatures = 0;
        _guestFeaturesWritten = false;
        _guestPageSize = 0;
        _queueSel = 0;
        _queueNum = 0;
        _queueAlign = 0;
        _queuePfn = 0;
        _queueReady = false;
        _queueDesc = 0;
        _queueDriver = 0;
        _queueDevice = 0;
        _interruptStatus = 0;
        _lastAvailIdx = 0;
        _usedIdx = 0;
        _pending.Clear();
        _needsReset = false;
        _noNotifyPublished = false;
        _availEventWritten = 0;
        ResetPacked();
    }

    /// <summary>The configuration space (struct virtio_blk_config, 5.2.4), little-endian.</summary>
    byte[] ConfigBytes(uint offset, int length)
    {
        var config = new byte[60];
        BinaryPrimitives.WriteUInt64LittleEndian(config.AsSpan(0), CapacitySectors);
        BinaryPrimitives.WriteUInt32LittleEndian(config.AsSpan(8), SizeMax);
        BinaryPrimitives.WriteUInt32LittleEndian(config.AsSpan(12), SegMax);
        BinaryPrimitives.WriteUInt16LittleEndian(config.AsSpan(16), 2);         // cylinders
        config[18] = 16;                                                       // heads
        config[19] = 63;                                                       // sectors
        BinaryPrimitives.WriteUInt32LittleEndian(config.AsSpan(20), BlockSize);
        config[24] = PhysicalBlockExp;
        BinaryPrimitives.WriteUInt16LittleEndian(config.AsSpan(26), MinIoBlocks);
        BinaryPrimitives.WriteUInt32LittleEndian(config.AsSpan(28), OptIoBlocks);
        FillOptionalConfig(config);
        if (offset + length > config.Length)
        {
            Violation($"configuration read at 0x{offset:x}, past the block configuration");
            return new byte[length];
        }

        return config.AsSpan((int)offset, length).ToArray();
    }

    /// <summary>The legacy virtqueue's size in bytes (2.7.2 legacy, vring_size).</summary>
    public static ulong LegacyQueueBytes(uint queueSize, uint align)
    {
        ulong AlignUp(ulong x) => (x + align - 1) & ~((ulong)align - 1);
        return AlignUp(16ul * queueSize + 6 + 2ul * queueSize) + AlignUp(6 + 8ul * queueSize);
    }

    // ---- The request queue ----

    Task? Notify(uint queue)
    {
        NotifyCount++;
        if (queue != 0)
        {
            Violation($"QueueNotify {queue}: the block device has one queue, 0");
            return null;
        }

        if ((_status & VirtioDeviceStatus.DriverOk) == 0)
        {
            Violation($"QueueNotify in status 0x{_status:x}, before DRIVER_OK");
            return null;
        }

        if (SuppressNotifications && _noNotifyPublished)
        {
            Violation(EventIdx
                ? "QueueNotify although avail->idx did not pass avail_event (2.7.10: the driver should not notify)"
                : "QueueNotify although the device set VIRTQ_USED_F_NO_NOTIFY (2.7.10: the driver should not notify)");
        }

        return Run(notified: true);
    }

    /// <summary>What the device does when it looks at the available ring (on a notification, or <see cref="Poll"/>).</summary>
    Task? Run(bool notified)
    {
        if (_needsReset)
        {
            return null;   // a device that needs a reset does nothing more
        }

        switch (Completion)
        {
            case CompletionMode.Immediate:
                ProcessAvailable(notified);
                return null;
            case CompletionMode.Deferred:
                TimeSpan delay = CompletionDelay;
                return new Task(() =>
                {
                    Thread.Sleep(delay);
                    lock (_gate)
                    {
                        if ((_status & VirtioDeviceStatus.DriverOk) != 0 && !_needsReset)
                        {
                            ProcessAvailable(notified: true);
                        }
                    }
                });
            case CompletionMode.Manual:
                FetchAvailable(notified);
                return null;
            default:
                return null;
        }
    }

    /// <summary>The device looking at the available ring without a notification (a device that polls, with
    /// <see cref="SuppressNotifications"/>).</summary>
    public void Poll()
    {
        Task? deferred;
        lock (_gate)
        {
            if ((_status & VirtioDeviceStatus.DriverOk) == 0)
            {
                return;
            }

            deferred = Run(notified: false);
        }

        deferred?.Start();
    }

    /// <summary>The device hits an error it cannot recover from (QEMU's virtio_error): DEVICE_NEEDS_RESET in Status,
    /// the configuration-change interrupt, and nothing more is done until a reset.</summary>
    public void RaiseNeedsReset()
    {
        lock (_gate)
        {
            _needsReset = true;
            _status |= VirtioDeviceStatus.DeviceNeedsReset;
            _interruptStatus |= VirtioMmio.InterruptConfigChange;
        }
    }

    /// <summary>Where the queue's three areas are in guest memory, or false (a violation) when there is no usable queue.</summary>
    bool QueueAreas(out VirtqDesc* desc, out byte* avail, out byte* used, out uint n)
    {
        n = _queueNum;
        if (IsLegacy)
        {
            ulong queueBus = (ulong)_queuePfn * _guestPageSize;
            byte* area = _queuePfn == 0 || n == 0 ? null : _memory.Translate(queueBus, LegacyQueueBytes(n, _queueAlign));
            desc = (VirtqDesc*)area;
            avail = area + 16 * n;
            used = area + ((16ul * n + 6 + 2ul * n + _queueAlign - 1) & ~((ulong)_queueAlign - 1));
        }
        else
        {
            desc = (VirtqDesc*)_memory.Translate(_queueDesc, 16ul * n);
            avail = _memory.Translate(_queueDriver, 6 + 2ul * n);
            used = _memory.Translate(_queueDevice, 6 + 8ul * n);
            if (!_queueReady)
            {
                desc = null;
            }
        }

        if (desc == null || avail == null || used == null || n == 0)
        {
            Violation("notified with no usable queue");
            return false;
        }

        // 2.7.10: with EVENT_IDX the device's flags are 0 and avail_event says when to be notified.
        Volatile.Write(ref *(ushort*)used, SuppressNotifications && !EventIdx ? VirtqUsed.VIRTQ_USED_F_NO_NOTIFY : (ushort)0);
        // With EVENT_IDX the suppression is published only when avail_event is written (TakeAvailable): until then the
        // ring's avail_event is whatever the driver's fresh ring holds, and a notification is what it asks for.
        _noNotifyPublished = SuppressNotifications && !EventIdx;
        return true;
    }

    /// <summary>VIRTIO_F_EVENT_IDX was negotiated.</summary>
    bool EventIdx => (_guestFeatures & VirtioFeatures.EventIdx) != 0;

    /// <summary>VIRTIO_F_INDIRECT_DESC was negotiated.</summary>
    bool IndirectDesc => (_guestFeatures & VirtioFeatures.IndirectDesc) != 0;

    /// <summary>With EVENT_IDX, where the device puts avail_event after each look: this many entries past the last one
    /// it took (0, QEMU's choice: notify me at the next one). <see cref="SuppressNotifications"/> puts it 32767 ahead.</summary>
    public ushort AvailEventAhead { get; set; }

    /// <summary>Notifications the driver sent although the device's avail_event (or NO_NOTIFY) did not ask for them:
    /// allowed (2.7.10: the device handles spurious notifications), but a cost the tests can see.</summary>
    public int NeedlessNotifications { get; private set; }

    /// <summary>The spec's vring_need_event (2.7.10), written here from the specification's words, not shared with the
    /// driver: moving an index from <paramref name="old"/> to <paramref name="now"/> passes <paramref name="eventIdx"/>.</summary>
    public static bool NeedEvent(ushort eventIdx, ushort now, ushort old)
    {
        for (ushort i = old; i != now; i++)
        {
            if (i == eventIdx)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The heads the driver made available since the device last looked (2.7.13 from the device's side).</summary>
    List<ushort> TakeAvailable(byte* avail, byte* used, uint n, bool notified)
    {
        var heads = new List<ushort>();
        ushort availIdx = Volatile.Read(ref *(ushort*)(avail + 2));
        if ((ushort)(availIdx - _lastAvailIdx) > n)
        {
            Violation($"avail->idx moved from {_lastAvailIdx} to {availIdx}, more than the queue size {n}");
            return heads;
        }

        // 2.7.10: a driver that moved avail->idx where the device asked to hear of it must have notified. A look
        // without a notification that finds such a move is a notification the driver owed.
        bool required = availIdx != _lastAvailIdx && !SuppressNotifications &&
            (!EventIdx || NeedEvent(_availEventWritten, availIdx, _lastAvailIdx));
        if (!notified && required)
        {
            Violation($"avail->idx moved from {_lastAvailIdx} to {availIdx} without the notification the device asked for");
        }
        else if (notified && !required && availIdx != _lastAvailIdx)
        {
            NeedlessNotifications++;
        }

        Interlocked.MemoryBarrier();   // read ring entries only after seeing idx
        while (_lastAvailIdx != availIdx)
        {
            heads.Add(Volatile.Read(ref *(ushort*)(avail + 4 + 2 * (_lastAvailIdx % n))));
            _lastAvailIdx++;
        }

        if (EventIdx)
        {
            _availEventWritten = (ushort)(_lastAvailIdx + (SuppressNotifications ? 0x7fff : AvailEventAhead));
            Volatile.Write(ref *(ushort*)(used + 4 + 8 * n), _availEventWritten);
            Interlocked.MemoryBarrier();
            _noNotifyPublished = SuppressNotifications;
        }

        return heads;
    }

    /// <summary>Consumes the available ring up to avail->idx and publishes a used entry per chain at once.</summary>
    void ProcessAvailable(bool notified)
    {
        if (Packed)
        {
            ProcessPackedAvailable(notified, execute: true);
            return;
        }

        if (!QueueAreas(out VirtqDesc* desc, out byte* avail, out byte* used, out uint n))
        {
            return;
        }

        foreach (ushort head in TakeAvailable(avail, used, n, notified))
        {
            PublishUsed(used, avail, n, head, Execute(desc, n, head));
        }
    }

    /// <summary>Manual completion: takes the available chains into <see cref="PendingHeads"/> without executing them,
    /// checking that no descriptor is in two chains the device owns.</summary>
    void FetchAvailable(bool notified)
    {
        if (Packed)
        {
            ProcessPackedAvailable(notified, execute: false);
            return;
        }

        if (!QueueAreas(out VirtqDesc* desc, out byte* avail, out byte* used, out uint n))
        {
            return;
        }

        foreach (ushort head in TakeAvailable(avail, used, n, notified))
        {
            var chain = new List<(ushort, ulong, uint, ushort, ushort)>();
            uint index = head;
            for (uint count = 0; index < n && count < n; count++)
            {
                VirtqDesc* d = desc + index;
                ushort flags = Volatile.Read(ref d->Flags);
                chain.Add(((ushort)index, Volatile.Read(ref d->Addr), Volatile.Read(ref d->Len), flags, Volatile.Read(ref d->Next)));
                if ((flags & VirtqDesc.VIRTQ_DESC_F_NEXT) == 0)
                {
                    break;
                }

                index = Volatile.Read(ref d->Next);
            }

            foreach (PendingChain other in _pending)
            {
                foreach (var mine in chain)
                {
                    if (other.Descriptors.Any(o => o.Index == mine.Item1))
                    {
                        Violation($"descriptor {mine.Item1} is in chain {head} and in chain {other.Head}, still in flight");
                    }
                }
            }

            if (_pending.Any(p => p.Head == head))
            {
                Violation($"head {head} made available again while in flight");
            }

            _pending.Add(new PendingChain(head, [.. chain]));
        }

        MaxPending = Math.Max(MaxPending, _pending.Count);
    }

    /// <summary>Executes and completes the pending request at <paramref name="position"/> (0: the oldest).</summary>
    public void CompletePending(int position)
    {
        lock (_gate)
        {
            if (Packed)
            {
                CompletePackedPending(position);
                return;
            }

            if (_needsReset || !QueueAreas(out VirtqDesc* desc, out byte* avail, out byte* used, out uint n))
            {
                return;
            }

            PendingChain chain = _pending[position];
            _pending.RemoveAt(position);
            foreach (var (index, addr, len, flags, next) in chain.Descriptors)
            {
                VirtqDesc* d = desc + index;
                if (Volatile.Read(ref d->Addr) != addr || Volatile.Read(ref d->Len) != len ||
                    Volatile.Read(ref d->Flags) != flags || ((flags & VirtqDesc.VIRTQ_DESC_F_NEXT) != 0 && Volatile.Read(ref d->Next) != next))
                {
                    Violation($"descriptor {index} of chain {chain.Head} changed while the device owned it");
                }
            }

            PublishUsed(used, avail, n, chain.Head, Execute(desc, n, chain.Head));
        }
    }

    /// <summary>Completes the pending request whose chain starts at <paramref name="head"/>.</summary>
    public void CompleteHead(ushort head)
    {
        lock (_gate)
        {
            int position = _pending.FindIndex(p => p.Head == head);
            if (position < 0)
            {
                throw new InvalidOperationException($"no pending chain starts at {head}");
            }

            CompletePending(position);
        }
    }

    /// <summary>Completes every pending request, newest first (reverse order) or in the order
    /// <paramref name="random"/> picks.</summary>
    public void CompleteAllPending(Random? random = null)
    {
        lock (_gate)
        {
            while (_pending.Count != 0 && !_needsReset)
            {
                CompletePending(random?.Next(_pending.Count) ?? _pending.Count - 1);
            }
        }
    }

    /// <summary>Puts one used-ring entry and its index (2.7.8), then raises the used-buffer interrupt unless the driver
    /// asked for none (VIRTQ_AVAIL_F_NO_INTERRUPT, 2.7.7).</summary>
    void PublishUsed(byte* used, byte* avail, uint n, ushort head, uint written)
    {
        VirtqUsedElem* element = (VirtqUsedElem*)(used + 4) + _usedIdx % n;
        Volatile.Write(ref element->Id, CorruptUsedId ?? head);
        Volatile.Write(ref element->Len, UsedLenLie?.Invoke(head, written) ?? written);
        Interlocked.MemoryBarrier();   // the entry before the index
        ushort old = _usedIdx;
        _usedIdx++;
        Volatile.Write(ref *(ushort*)(used + 2), _usedIdx);
        Interlocked.MemoryBarrier();   // the index before the interrupt, and before reading the driver's flags
        SignalUsed(avail, n, old, _usedIdx);
    }

    /// <summary>Used buffers published, used->idx moved from <paramref name="old"/> to <paramref name="now"/>: the
    /// used-buffer interrupt, when the driver wants it (2.7.7). Without EVENT_IDX unless VIRTQ_AVAIL_F_NO_INTERRUPT;
    /// with it when the move passed used_event, and the driver's flags must be 0.</summary>
    void SignalUsed(byte* avail, uint n, ushort old, ushort now)
    {
        ushort flags = Volatile.Read(ref *(ushort*)avail);
        bool wanted;
        if (EventIdx)
        {
            if (flags != 0)
            {
                Violation($"avail->flags is {flags} with VIRTIO_F_EVENT_IDX negotiated (2.7.7.1: the driver MUST set it to 0)");
            }

            wanted = NeedEvent(Volatile.Read(ref *(ushort*)(avail + 4 + 2 * n)), now, old);
        }
        else
        {
            wanted = (flags & VirtqAvail.VIRTQ_AVAIL_F_NO_INTERRUPT) == 0;
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

    /// <summary>Requests that came through an indirect table.</summary>
    public int IndirectRequests { get; private set; }

    /// <summary>Used buffers for which the driver asked for no interrupt (NO_INTERRUPT, or used_event not passed).</summary>
    public int InterruptsSuppressed { get; private set; }

    readonly record struct Buffer(nint Pointer, uint Length);

    /// <summary>Executes the block request whose chain starts at <paramref name="head"/>; returns the bytes written
    /// into device-writable buffers (the used element's len).</summary>
    uint ProcessChain(VirtqDesc* desc, uint n, ushort head)
    {
        var readable = new List<Buffer>();
        var writable = new List<Buffer>();
        uint index = head;
        VirtqDesc* table = desc;   // the descriptor table being walked: the ring's, or an indirect one
        uint tableSize = n;
        bool inIndirect = false;
        for (uint count = 0; ; count++)
        {
            if (index >= tableSize)
            {
                Violation($"descriptor index {index} out of a table of {tableSize}");
                return 0;
            }

            if (count >= n)
            {
                Violation($"descriptor chain from {head} longer than the queue (a loop?)");
                return 0;
            }

            VirtqDesc* d = table + index;
            ulong addr = Volatile.Read(ref d->Addr);
            uint len = Volatile.Read(ref d->Len);
            ushort flags = Volatile.Read(ref d->Flags);
            if ((flags & VirtqDesc.VIRTQ_DESC_F_INDIRECT) != 0)
            {
                // 2.7.5.3.1: only with the feature, never inside a table, never with NEXT; a whole number of
                // descriptors, no more than the queue size.
                if (!IndirectDesc)
                {
                    Violation("indirect descriptor without VIRTIO_F_RING_INDIRECT_DESC");
                    return 0;
                }

                if (inIndirect)
                {
                    Violation("VIRTQ_DESC_F_INDIRECT inside an indirect table (2.7.5.3.1)");
                    return 0;
                }

                if ((flags & VirtqDesc.VIRTQ_DESC_F_NEXT) != 0)
                {
                    Violation("VIRTQ_DESC_F_INDIRECT together with VIRTQ_DESC_F_NEXT (2.7.5.3.1)");
                }

                if (len == 0 || len % 16 != 0 || len / 16 > n)
                {
                    Violation($"indirect table of {len} bytes (a non-zero multiple of 16, at most the queue size {n} descriptors)");
                    return 0;
                }

                table = (VirtqDesc*)_memory.Translate(addr, len);
                if (table == null)
                {
                    Violation($"indirect table at 0x{addr:x} outside guest memory");
                    return 0;
                }

                IndirectRequests++;
                tableSize = len / 16;
                inIndirect = true;
                index = 0;
                count = uint.MaxValue;   // the table's descriptors count from 0 again
                continue;
            }

            if ((flags & ~(VirtqDesc.VIRTQ_DESC_F_NEXT | VirtqDesc.VIRTQ_DESC_F_WRITE)) != 0)
            {
                Violation($"descriptor {index} has unknown flags 0x{flags:x}");
            }

            byte* p = _memory.Translate(addr, len);
            if (p == null || len == 0)
            {
                Violation($"descriptor {index}: {len} bytes at bus address 0x{addr:x}, outside guest memory or empty");
                return 0;
            }

            if ((flags & VirtqDesc.VIRTQ_DESC_F_WRITE) != 0)
            {
                writable.Add(new Buffer((nint)p, len));
            }
            else
            {
                if (writable.Count != 0)
                {
                    Violation($"device-readable descriptor {index} after a device-writable one (2.7.4.2)");
                }

                readable.Add(new Buffer((nint)p, len));
            }

            if ((flags & VirtqDesc.VIRTQ_DESC_F_NEXT) == 0)
            {
                break;
            }

            index = Volatile.Read(ref d->Next);
        }

        return ExecuteBuffers(readable, writable);
    }

    /// <summary>Executes the block request made of <paramref name="readable"/> then <paramref name="writable"/>
    /// elements (a chain walked in either ring format); returns the bytes written into device-writable buffers.</summary>
    uint ExecuteBuffers(List<Buffer> readable, List<Buffer> writable)
    {
        // The data descriptors: everything but the header and the status (the driver frames requests that way).
        int dataDescriptors = readable.Count + writable.Count - 2;
        MaxDataDescriptors = Math.Max(MaxDataDescriptors, dataDescriptors);
        // A seg_max of 0 allows one segment (Linux's reading: a request needs one to carry data).
        if ((_guestFeatures & VirtioBlkFeatures.SegMax) != 0 && dataDescriptors > Math.Max(1u, SegMax))
        {
            Violation($"request with {dataDescriptors} data descriptors, more than seg_max {SegMax}");
        }

        if ((_guestFeatures & VirtioBlkFeatures.SizeMax) != 0 && SizeMax != 0)
        {
            foreach (Buffer b in readable.Skip(1).Concat(writable.SkipLast(1)))
            {
                if (b.Length > SizeMax)
                {
                    Violation($"data descriptor of {b.Length} bytes, more than size_max {SizeMax}");
                }
            }
        }

        // Without VIRTIO_F_ANY_LAYOUT a legacy device may assume the framing (2.6.4.3 legacy): the header alone in the
        // first descriptor, the status byte alone in the last.
        bool anyLayout = (_guestFeatures & (VirtioBlkFeatures.AnyLayout | VirtioBlkFeatures.Version1)) != 0;
        if (!anyLayout && (readable.Count == 0 || readable[0].Length != 16 || writable.Count == 0 || writable[^1].Length != 1))
        {
            Violation("request framing: the header must be its own 16-byte descriptor and the status its own 1-byte one");
        }

        byte[] readBytes = [.. readable.SelectMany(b => new ReadOnlySpan<byte>((void*)b.Pointer, (int)b.Length).ToArray())];
        if (readBytes.Length < 16 || writable.Count == 0)
        {
            Violation("request without a 16-byte header or a status byte");
            return 0;
        }

        uint type = BinaryPrimitives.ReadUInt32LittleEndian(readBytes);
        uint reserved = BinaryPrimitives.ReadUInt32LittleEndian(readBytes.AsSpan(4));
        ulong sector = BinaryPrimitives.ReadUInt64LittleEndian(readBytes.AsSpan(8));
        if (reserved != 0)
        {
            Violation($"request header reserved field is 0x{reserved:x}");
        }

        // The status is the last byte of the last writable buffer; the data in is everything writable before it.
        Buffer last = writable[^1];
        byte* statusByte = (byte*)last.Pointer + last.Length - 1;
        var dataIn = new List<Buffer>(writable);
        dataIn[^1] = last with { Length = last.Length - 1 };
        long dataInLength = dataIn.Sum(b => (long)b.Length);
        ReadOnlySpan<byte> dataOut = readBytes.AsSpan(16);
        RequestCount++;

        byte status;
        uint written = 1;
        int dataLength = type == VirtioBlkReqHeader.VIRTIO_BLK_T_OUT ? dataOut.Length : (int)dataInLength;
        if (ForcedStatus is byte forced)
        {
            status = forced;
        }
        else
        {
            switch (type)
            {
                case VirtioBlkReqHeader.VIRTIO_BLK_T_IN:
                    CheckTransferShape("read", dataOut.Length, dataInLength, expectIn: true);
                    if (!InRange(sector, dataInLength))
                    {
                        status = VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
                        break;
                    }

                    UInt128 offset = (UInt128)sector * 512;
                    foreach (Buffer b in dataIn)
                    {
                        ReadStorage(offset, new Span<byte>((void*)b.Pointer, (int)b.Length));
                        offset += b.Length;
                    }

                    written += (uint)dataInLength;
                    status = VirtioBlkStatus.VIRTIO_BLK_S_OK;
                    break;

                case VirtioBlkReqHeader.VIRTIO_BLK_T_OUT:
                    CheckTransferShape("write", dataOut.Length, dataInLength, expectIn: false);
                    if (ReadOnly)
                    {
                        Violation("write request to a device that offered VIRTIO_BLK_F_RO");
                        status = VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
                        break;
                    }

                    if (!InRange(sector, dataOut.Length))
                    {
                        status = VirtioBlkStatus.VIRTIO_BLK_S_IOERR;
                        break;
                    }

                    WriteStorage((UInt128)sector * 512, dataOut);
                    status = VirtioBlkStatus.VIRTIO_BLK_S_OK;
                    break;

                case VirtioBlkReqHeader.VIRTIO_BLK_T_FLUSH:
                    if ((_guestFeatures & VirtioBlkFeatures.Flush) == 0)
                    {
                        Violation("VIRTIO_BLK_T_FLUSH without VIRTIO_BLK_F_FLUSH negotiated");
                    }

                    if (sector != 0 || dataOut.Length != 0 || dataInLength != 0)
                    {
                        Violation("VIRTIO_BLK_T_FLUSH with a sector or data");
                    }

                    FlushCount++;
                    status = VirtioBlkStatus.VIRTIO_BLK_S_OK;
                    break;

                case VirtioBlkReqHeader.VIRTIO_BLK_T_GET_ID:
                    if (dataInLength != VirtioBlkReqHeader.IdBytes || dataOut.Length != 0)
                    {
                        Violation($"VIRTIO_BLK_T_GET_ID with {dataInLength} writable data bytes (must be 20)");
                    }

                    byte[] id = new byte[VirtioBlkReqHeader.IdBytes];
                    Encoding.ASCII.GetBytes(Serial.AsSpan(0, Math.Min(Serial.Length, id.Length)), id);
                    int copied = 0;
                    foreach (Buffer b in dataIn)
                    {
                        int take = (int)Math.Min(b.Length, (uint)(id.Length - copied));
                        id.AsSpan(copied, take).CopyTo(new Span<byte>((void*)b.Pointer, take));
                        copied += take;
                    }

                    written += (uint)copied;
                    status = VirtioBlkStatus.VIRTIO_BLK_S_OK;
                    break;

                case VirtioBlkReqHeader.VIRTIO_BLK_T_DISCARD:
                case VirtioBlkReqHeader.VIRTIO_BLK_T_WRITE_ZEROES:
                    dataLength = dataOut.Length;
                    status = ExecuteRanges(type, sector, dataOut, dataInLength);
                    break;

                default:
                    status = VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP;
                    break;
            }
        }

        *statusByte = status;
        if (_requests.Count >= 1000)
        {
            _requests.RemoveAt(0);
        }

        _requests.Add(new FakeRequest(type, sector, dataLength, status));
        return written;
    }

    void CheckTransferShape(string what, int outLength, long inLength, bool expectIn)
    {
        long length = expectIn ? inLength : outLength;
        long other = expectIn ? outLength : inLength;
        if (length == 0 || length % 512 != 0 || other != 0)
        {
            Violation($"{what} request with {length} data bytes the right way and {other} the wrong way");
        }
    }

    /// <summary>As QEMU's virtio_blk_sect_range_ok: inside the capacity and whole logical blocks (blk_size); a
    /// driver that negotiated BLK_SIZE and still sends part of a block breaks 5.2.6 and is recorded.</summary>
    bool InRange(ulong sector, long bytes)
    {
        ulong sectors = (ulong)bytes / 512;
        ulong perBlock = Math.Max(1u, BlockSize / 512);
        if (sector % perBlock != 0 || sectors % perBlock != 0)
        {
            if ((_guestFeatures & VirtioBlkFeatures.BlockSize) != 0)
            {
                Violation($"request at sector {sector} of {sectors} sectors is not whole blocks of {BlockSize} bytes");
            }

            return false;
        }

        return sector < CapacitySectors && sectors <= CapacitySectors - sector;
    }

    // ---- Storage: the image, then sparse sectors up to the capacity ----

    // Byte offsets are 128-bit: a capacity near 2^64 sectors is 2^73 bytes.
    void ReadStorage(UInt128 offset, Span<byte> destination)
    {
        for (int done = 0; done < destination.Length;)
        {
            UInt128 at = offset + (ulong)done;
            int take = Math.Min(destination.Length - done, 512 - (int)(at % 512));
            if (at < (UInt128)Disk.Length)
            {
                take = Math.Min(take, Disk.Length - (int)at);
                Disk.AsSpan((int)at, take).CopyTo(destination.Slice(done, take));
            }
            else if (_sparse.TryGetValue((ulong)(at / 512), out byte[]? sector))
            {
                sector.AsSpan((int)(at % 512), take).CopyTo(destination.Slice(done, take));
            }
            else
            {
                destination.Slice(done, take).Clear();
            }

            done += take;
        }
    }

    void WriteStorage(UInt128 offset, ReadOnlySpan<byte> source)
    {
        for (int done = 0; done < source.Length;)
        {
            UInt128 at = offset + (ulong)done;
            int take = Math.Min(source.Length - done, 512 - (int)(at % 512));
            if (at < (UInt128)Disk.Length)
            {
                take = Math.Min(take, Disk.Length - (int)at);
                source.Slice(done, take).CopyTo(Disk.AsSpan((int)at, take));
            }
            else
            {
                if (!_sparse.TryGetValue((ulong)(at / 512), out byte[]? sector))
                {
                    sector = new byte[512];
                    _sparse[(ulong)(at / 512)] = sector;
                }

                source.Slice(done, take).CopyTo(sector.AsSpan((int)(at % 512), take));
            }

            done += take;
        }
    }

    /// <summary>Reads storage the way the device does, for the tests' checks (sparse sectors included).</summary>
    public byte[] ReadBack(ulong sector, int sectors)
    {
        var bytes = new byte[sectors * 512];
        lock (_gate)
        {
            ReadStorage((UInt128)sector * 512, bytes);
        }

        return bytes;
    }
}
