using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Kernel.Drivers.Block;

namespace Kernel.Drivers.Virtio;

/// <summary>A virtio block device (virtio 1.x, 5.2) on the virtio-mmio transport, with many requests in flight. Three
/// layers: the transport (<see cref="VirtioMmioTransport{TRegs}"/>: the registers, legacy or modern), the virtqueue
/// (<see cref="Virtqueue"/>: the ring format behind <see cref="IVirtqueue"/>) and this block device on top, in six
/// files: this one (state and initialisation), <c>.Setup</c> (bring-up, configuration space), <c>.Submit</c>,
/// <c>.Completion</c>, <c>.Wait</c>, <c>.Blocking</c> and <c>.Recovery</c>.
/// <para>Asynchronous core: <see cref="Submit(BlockOp, ulong, ReadOnlySpan{BlockSegment}, out ushort)"/> hands a
/// request to the device and returns a token; <see cref="ReapCompletions"/> takes the used ring's entries, in whatever
/// order the device completed them; <see cref="TryGetResult"/> or <see cref="TryTakeCompleted"/> collect results;
/// <see cref="WaitFor"/> and <see cref="WaitForCompletion"/> wait through <typeparamref name="TWait"/>. The blocking
/// <see cref="Read"/>, <see cref="Write"/>, <see cref="Flush"/> and <see cref="GetId"/> are Submit + WaitFor.</para>
/// <para><typeparamref name="TRegs"/> reaches the registers, <typeparamref name="TDma"/> hands out the memory the
/// device reads and writes and translates pointers to bus addresses, <typeparamref name="TWait"/> waits for the device
/// (polling or interrupts; <see cref="ICompletionWait"/>): all structs, so every call is static. Every buffer the
/// device sees, the caller's included, is passed by bus address.</para>
/// <para>A mutable struct: keep it in one variable (not a readonly field) and call it there. Not thread-safe: one
/// hart, no interrupt handler calling into it.</para></summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait> : IBlockDevice
    where TRegs : struct, IMmioRegisters
    where TDma : struct, IDmaMemory
    where TWait : struct, ICompletionWait
{
    /// <summary>The most queue entries the driver asks for by default (fewer if QueueNumMax is smaller): 128
    /// descriptors, 42 three-descriptor requests in flight; 8 KiB of queue and 4 KiB of request slots.</summary>
    public const uint DefaultQueueSize = 128;

    /// <summary>The largest split virtqueue (2.7).</summary>
    public const uint MaxQueueSize = 32768;

    /// <summary>The page size the legacy interface is told (GuestPageSize), the unit of QueuePFN; also where the driver
    /// cuts a segment that SIZE_MAX forces it to split.</summary>
    public const uint PageSize = 4096;

    /// <summary>The token <see cref="Submit(BlockOp, ulong, void*, uint, out ushort)"/> gives when it refuses a
    /// request (real tokens are below the queue size, at most 32768).</summary>
    public const ushort NoToken = ushort.MaxValue;

    /// <summary>Descriptors a request takes besides its data: the header and the status byte.</summary>
    const int FramingDescriptors = 2;

    /// <summary>How often a multi-word configuration field is re-read when it changes under the driver.</summary>
    const int ConfigReadAttempts = 8;

    /// <summary>The largest blk_size taken: a page, as Linux (QEMU offers up to 32 KiB). Callers keep one block on the
    /// stack.</summary>
    public const uint MaxBlockSize = 4096;

    /// <summary>Polling: every this many unsuccessful waits the driver reads Status for DEVICE_NEEDS_RESET, so a broken
    /// modern device is reported without waiting for the time limit.</summary>
    const uint StatusCheckInterval = 4096;

    VirtioMmioTransport<TRegs> _transport;
    TDma _dma;
    TWait _wait;
    Virtqueue _queue;
    VirtioBlkRequestSlot* _slots;
    ulong _slotsBus;
    VirtioBlkRequestState* _states;
    ulong _capacity;
    ulong _wantedFeatures;
    uint _maxQueueSize;
    uint _configGeneration;
    byte* _queueArea;
    ushort* _queuePrivate;
    VirtqDesc* _indirectTables;
    VirtioBlkOptionalConfig _optional;                  // writeback, discard and write-zeroes limits (.Ranges, .Cache)
    VirtioBlkDiscardWriteZeroes* _rangeTables;          // per head, _rangeTableEntries segments (.Ranges)
    int _rangeTableEntries;
    VirtioBlkCounters _counters;
    int _unpublished;
    ulong _offeredFeatures;
    ulong _acceptedFeatures;
    uint _blockSize;
    uint _sizeMax;
    uint _segMax;
    uint _physicalBlockSize;
    uint _minIoSize;
    uint _optIoSize;
    int _maxDataSegments;
    int _inFlight;
    int _completedCount;
    ushort _completedHead;
    ushort _completedTail;
    bool _ready;
    bool _broken;
    bool _stuck;
    bool _configChanged;
    BlockError _stuckReason;
    uint _recoveries;

    /// <summary>Initialises the device behind <paramref name="regs"/> with the default features
    /// (<see cref="VirtioBlkFeatures.Default"/>) and at most <see cref="DefaultQueueSize"/> queue entries, waiting
    /// for completions with <paramref name="wait"/>. On failure the device's FAILED status bit is set (unless the
    /// window is not a virtio device at all) and <paramref name="device"/> refuses every request.</summary>
    public static BlockError Initialize(TRegs regs, TDma dma, TWait wait, out VirtioBlk<TRegs, TDma, TWait> device) =>
        Initialize(regs, dma, wait, VirtioBlkFeatures.Default, DefaultQueueSize, out device);

    /// <summary>As <see cref="Initialize(TRegs, TDma, TWait, out VirtioBlk{TRegs, TDma, TWait})"/>, accepting the
    /// features of <paramref name="wantedFeatures"/> that the device offers and the driver implements
    /// (<see cref="VirtioBlkFeatures.Supported"/>; VERSION_1 whenever offered), with at most
    /// <paramref name="maxQueueSize"/> queue entries: the largest power of two (2.7: split queues have power-of-two
    /// sizes) not above it, QueueNumMax or 32768.</summary>
    public static BlockError Initialize(TRegs regs, TDma dma, TWait wait, ulong wantedFeatures, uint maxQueueSize,
        out VirtioBlk<TRegs, TDma, TWait> device)
    {
        device = default;
        device._transport = new VirtioMmioTransport<TRegs>(regs);
        device._dma = dma;
        device._wait = wait;
        device._completedHead = NoToken;
        device._completedTail = NoToken;
        device._wantedFeatures = wantedFeatures;
        device._maxQueueSize = maxQueueSize;

        // 4.2.3.1.1: a window without the magic value, of an unknown version, empty (DeviceID 0) or holding another
        // kind of device is left exactly as it was: not even FAILED is written.
        BlockError error = device._transport.Identify(VirtioMmio.DeviceIdBlock);
        if (error != BlockError.None)
        {
            return error;
        }

        error = device.BringUp();
        if (error != BlockError.None)
        {
            device._transport.AddStatus(VirtioDeviceStatus.Failed);   // 3.1.1: the driver sets FAILED when it gives up
            return error;
        }

        device._ready = true;
        return BlockError.None;
    }

    // ---- What the device is ----

    /// <summary>The size of the disk in 512-byte sectors, read from the configuration space at start-up.</summary>
    public readonly ulong CapacitySectors => _capacity;

    /// <summary>The size of the disk in bytes (saturating at <see cref="ulong.MaxValue"/>).</summary>
    public readonly ulong CapacityBytes =>
        _capacity > ulong.MaxValue >> VirtioBlkConfig.SectorShift ? ulong.MaxValue : _capacity << VirtioBlkConfig.SectorShift;

    /// <summary>The device offered VIRTIO_BLK_F_RO: writes are refused.</summary>
    public readonly bool IsReadOnly
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (_offeredFeatures & VirtioBlkFeatures.ReadOnly) != 0;
    }

    /// <summary>Initialised and not given up on: requests reach the device.</summary>
    public readonly bool IsReady
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _ready && !_broken;
    }

    /// <summary>The feature bits the device offered (legacy: bits 0-31 only).</summary>
    public readonly ulong OfferedFeatures => _offeredFeatures;

    /// <summary>The feature bits the driver accepted: a subset of the offered ones and of <see cref="VirtioBlkFeatures.Supported"/>.</summary>
    public readonly ulong AcceptedFeatures => _acceptedFeatures;

    /// <summary>The virtio-mmio version of the transport.</summary>
    public readonly uint TransportVersion => _transport.Version;

    /// <summary>The request queue is a packed virtqueue (2.8, VIRTIO_F_RING_PACKED); otherwise a split one (2.7).</summary>
    public readonly bool UsesPackedRing => _queue.IsPacked;

    /// <summary>The number of entries of the request queue (a power of two).</summary>
    public readonly ushort QueueSize => _queue.Size;

    /// <summary>The device's logical block size in bytes (blk_size, with VIRTIO_BLK_F_BLK_SIZE; 512 without): every read
    /// and write starts and ends on such a block (<see cref="BlockError.Misaligned"/> otherwise: QEMU fails them).
    /// Requests still address 512-byte sectors (5.2.6).</summary>
    public readonly uint BlockSize => _blockSize;

    /// <summary>The physical block in bytes (TOPOLOGY: 2^physical_block_exp logical blocks; else <see cref="BlockSize"/>):
    /// writes of whole, aligned physical blocks avoid a read-modify-write in the device.</summary>
    public readonly uint PhysicalBlockSize => _physicalBlockSize == 0 ? _blockSize : _physicalBlockSize;

    /// <summary>The suggested minimum and optimal request sizes in bytes (TOPOLOGY), or 0 when not given.</summary>
    public readonly uint MinIoSize => _minIoSize;

    public readonly uint OptimalIoSize => _optIoSize;

    /// <summary>The most data descriptors one request may have: the device's seg_max (SEG_MAX) and the queue size less
    /// the header and status descriptors, whichever is smaller.</summary>
    public readonly int MaxSegments => _maxDataSegments;

    /// <summary>The largest data descriptor the device accepts (size_max, with SIZE_MAX), or 0: no limit.</summary>
    public readonly uint MaxSegmentBytes => _sizeMax;

    /// <summary>Whether completions are signalled by interrupt (<see cref="ICompletionWait.UsesInterrupts"/>).</summary>
    public readonly bool UsesInterrupts => _wait.UsesInterrupts;

    /// <summary>How the driver waits (set at <c>Initialize</c>). Replacing it between requests is allowed; the queue's
    /// no-interrupt hint follows its <see cref="ICompletionWait.UsesInterrupts"/>.</summary>
    public TWait CompletionWait
    {
        readonly get => _wait;
        set
        {
            _wait = value;
            if (_ready)
            {
                _queue.SetNoInterrupt(!_wait.UsesInterrupts);
            }
        }
    }

    /// <summary>Requests, publications, notifications and interrupts counted since <c>Initialize</c> or
    /// <see cref="ResetCounters"/>.</summary>
    public readonly VirtioBlkCounters Counters => _counters;

    /// <summary>Starts the counts of <see cref="Counters"/> again from 0.</summary>
    public void ResetCounters() => _counters = default;

    // ---- Requests in flight ----

    /// <summary>Requests submitted and not yet completed (taken off the used ring).</summary>
    public readonly int InFlight => _inFlight;

    /// <summary>Requests completed whose results have not been collected yet.</summary>
    public readonly int CompletedCount => _completedCount;

    /// <summary>Descriptors not held by a request (in flight, or completed and not collected).</summary>
    public readonly int FreeDescriptors => _queue.FreeCount;

    /// <summary>The ring descriptors a request for <paramref name="data"/> takes (header, data pieces, status; 1 when they
    /// go through an indirect table), or -1 when
    /// it can never be submitted (too many segments for <see cref="MaxSegments"/>, or a segment without memory).</summary>
    public readonly int DescriptorsFor(ReadOnlySpan<BlockSegment> data)
    {
        int pieces = CountPieces(data);
        return pieces < 0 ? -1 : _queue.RingDescriptorsFor(pieces + FramingDescriptors);
    }

    readonly BlockError NotReadyError
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _broken ? BlockError.DeviceNeedsReset : BlockError.NoDevice;
    }

    readonly bool FlushNegotiated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (_acceptedFeatures & VirtioBlkFeatures.Flush) != 0;
    }
}
