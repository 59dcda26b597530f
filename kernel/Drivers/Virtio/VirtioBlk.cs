using System;
using System.Threading;
using Kernel.Drivers.Block;

namespace Kernel.Drivers.Virtio;

/// <summary>A virtio block device (virtio 1.x, 5.2) on the virtio-mmio transport, with many requests in flight. Both
/// register interfaces work: legacy (version 1, 4.2.4; QEMU 7.2's default) and modern (version 2, 4.2.2; virtio 1.0
/// and later). They differ only in <c>NegotiateFeatures</c> (VERSION_1, FEATURES_OK), <c>SetUpQueue</c> (QueuePFN, or
/// 64-bit addresses and QueueReady) and <c>ReadConfig64</c> (ConfigGeneration).
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

    /// <summary>How many times a reset is polled for completion (a read of Status returning 0).</summary>
    const int ResetPollLimit = 1_000_000;

    /// <summary>The largest blk_size taken: a page, as Linux (QEMU offers up to 32 KiB). Callers keep one block on the
    /// stack.</summary>
    public const uint MaxBlockSize = 4096;

    /// <summary>Polling: every this many unsuccessful waits the driver reads Status for DEVICE_NEEDS_RESET, so a broken
    /// modern device is reported without waiting for the time limit.</summary>
    const uint StatusCheckInterval = 4096;

    TRegs _regs;
    TDma _dma;
    TWait _wait;
    Virtqueue _queue;
    VirtioBlkRequestSlot* _slots;
    VirtioBlkRequestState* _states;
    ulong _capacity;
    ulong _wantedFeatures;
    uint _maxQueueSize;
    uint _configGeneration;
    byte* _queueArea;
    ushort* _links;
    ulong _offeredFeatures;
    ulong _acceptedFeatures;
    uint _version;
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
        device._regs = regs;
        device._dma = dma;
        device._wait = wait;
        device._completedHead = NoToken;
        device._completedTail = NoToken;
        device._wantedFeatures = wantedFeatures;
        device._maxQueueSize = maxQueueSize;

        // 4.2.3.1.1: a window without the magic value, of an unknown version, empty (DeviceID 0) or holding another
        // kind of device is left exactly as it was: not even FAILED is written.
        BlockError error = device.Identify();
        if (error != BlockError.None)
        {
            return error;
        }

        error = device.BringUp();
        if (error != BlockError.None)
        {
            device.SetFailed();   // 3.1.1: the driver sets FAILED when it gives up
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
    public readonly bool IsReadOnly => (_offeredFeatures & VirtioBlkFeatures.ReadOnly) != 0;

    /// <summary>Initialised and not given up on: requests reach the device.</summary>
    public readonly bool IsReady => _ready && !_broken;

    /// <summary>The feature bits the device offered (legacy: bits 0-31 only).</summary>
    public readonly ulong OfferedFeatures => _offeredFeatures;

    /// <summary>The feature bits the driver accepted: a subset of the offered ones and of <see cref="VirtioBlkFeatures.Supported"/>.</summary>
    public readonly ulong AcceptedFeatures => _acceptedFeatures;

    /// <summary>The virtio-mmio version of the transport.</summary>
    public readonly uint TransportVersion => _version;

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

    // ---- Requests in flight ----

    /// <summary>Requests submitted and not yet completed (taken off the used ring).</summary>
    public readonly int InFlight => _inFlight;

    /// <summary>Requests completed whose results have not been collected yet.</summary>
    public readonly int CompletedCount => _completedCount;

    /// <summary>Descriptors not held by a request (in flight, or completed and not collected).</summary>
    public readonly int FreeDescriptors => _queue.FreeCount;

    /// <summary>The descriptors a request for <paramref name="data"/> takes (header, data pieces, status), or -1 when
    /// it can never be submitted (too many segments for <see cref="MaxSegments"/>, or a segment without memory).</summary>
    public readonly int DescriptorsFor(ReadOnlySpan<BlockSegment> data)
    {
        int pieces = CountPieces(data);
        return pieces < 0 ? -1 : pieces + FramingDescriptors;
    }

    // ---- Blocking requests: Submit + WaitFor ----

    /// <summary>Reads <c>buffer.Length / 512</c> sectors starting at <paramref name="sector"/> into
    /// <paramref name="buffer"/>, whose length must be a non-zero multiple of 512.</summary>
    public BlockError Read(ulong sector, Span<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            return SubmitAndWait(BlockOp.Read, sector, data, (uint)buffer.Length);
        }
    }

    /// <summary>Writes <paramref name="buffer"/> (a non-zero multiple of 512 bytes) to the disk starting at
    /// <paramref name="sector"/>. <see cref="BlockError.ReadOnly"/> on a read-only disk, before the device is asked.
    /// With FLUSH negotiated the write may sit in the device's cache until <see cref="Flush"/>.</summary>
    public BlockError Write(ulong sector, ReadOnlySpan<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            return SubmitAndWait(BlockOp.Write, sector, data, (uint)buffer.Length);
        }
    }

    /// <summary>Makes completed writes durable: sends VIRTIO_BLK_T_FLUSH when VIRTIO_BLK_F_FLUSH is negotiated (the
    /// default when offered). Without it the device writes through and there is nothing to do.</summary>
    public BlockError Flush()
    {
        if (!IsReady)
        {
            return NotReadyError;
        }

        if (!FlushNegotiated)
        {
            return BlockError.None;
        }

        return SubmitAndWait(BlockOp.Flush, 0, null, 0);
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
            return SubmitAndWait(BlockOp.GetId, 0, data, VirtioBlkReqHeader.IdBytes);
        }
    }

    BlockError SubmitAndWait(BlockOp op, ulong sector, void* data, uint length)
    {
        BlockError error = Submit(op, sector, data, length, out ushort token);
        return error != BlockError.None ? error : WaitFor(token);
    }

    // ---- Asynchronous requests ----

    /// <summary>As <see cref="Submit(BlockOp, ulong, ReadOnlySpan{BlockSegment}, out ushort)"/> with one segment:
    /// <paramref name="length"/> bytes at <paramref name="data"/> (null and 0 for a flush).</summary>
    public BlockError Submit(BlockOp op, ulong sector, void* data, uint length, out ushort token)
    {
        if (length == 0)
        {
            return Submit(op, sector, ReadOnlySpan<BlockSegment>.Empty, out token);
        }

        BlockSegment one = new(data, length);
        return Submit(op, sector, new ReadOnlySpan<BlockSegment>(&one, 1), out token);
    }

    /// <summary>Hands one request to the device and returns at once. <paramref name="data"/> is the request's data in
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
    public BlockError Submit(BlockOp op, ulong sector, ReadOnlySpan<BlockSegment> data, out ushort token)
    {
        token = NoToken;
        if (!IsReady)
        {
            return NotReadyError;
        }

        // Once per batch (nothing in flight): a capacity change is seen before the next request is checked (5.2.6.1).
        if (_inFlight == 0)
        {
            CheckConfiguration();
            if (!IsReady)
            {
                return NotReadyError;
            }
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

        uint type;
        bool deviceWrites;
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
                break;

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
                deviceWrites = false;
                sector = 0;
                break;

            case BlockOp.GetId:
                if (total != VirtioBlkReqHeader.IdBytes)
                {
                    return BlockError.BadBuffer;
                }

                type = VirtioBlkReqHeader.VIRTIO_BLK_T_GET_ID;
                deviceWrites = true;
                sector = 0;
                break;

            default:
                return BlockError.Unsupported;
        }

        int pieces = CountPieces(data);
        if (pieces < 0)
        {
            return BlockError.BadBuffer;
        }

        int needed = pieces + FramingDescriptors;
        if (!_queue.TryTakeChain(needed, out ushort head))
        {
            return BlockError.QueueFull;
        }

        // The header: device-readable, its own descriptor (legacy framing, 2.6.4.3 / 5.2.6.3).
        VirtioBlkRequestSlot* slot = _slots + head;
        Volatile.Write(ref slot->Header.Type, type);
        Volatile.Write(ref slot->Header.Reserved, 0u);
        Volatile.Write(ref slot->Header.Sector, sector);
        Volatile.Write(ref slot->Status, VirtioBlkRequestSlot.StatusNotWritten);
        _queue.SetChainDescriptor(head, _dma.BusAddress(&slot->Header), (uint)sizeof(VirtioBlkReqHeader), deviceWrites: false, last: false);

        // The data: every piece, in order, all readable or all writable (2.7.4.2: writable ones after readable ones).
        ushort index = head;
        for (int i = 0; i < data.Length; i++)
        {
            byte* start = (byte*)data[i].Address;
            uint done = 0;
            while (done < data[i].Length)
            {
                ulong bus = _dma.BusAddress(start + done);
                uint take = PieceLength(bus, data[i].Length - done);
                index = _queue.NextOf(index);
                _queue.SetChainDescriptor(index, bus, take, deviceWrites, last: false);
                done += take;
            }
        }

        // The status byte: device-writable, last, alone.
        index = _queue.NextOf(index);
        _queue.SetChainDescriptor(index, _dma.BusAddress(&slot->Status), 1, deviceWrites: true, last: true);

        VirtioBlkRequestState* state = _states + head;
        state->State = VirtioBlkRequestState.InFlight;
        state->Result = BlockError.None;
        state->WritableBytes = deviceWrites ? (uint)total + 1 : 1;
        _inFlight++;

        // Publish (2.7.13), then notify unless the device said it need not be (2.7.10: read used->flags only after the
        // index is visible, hence the full barrier).
        _queue.MakeAvailable(head);
        DmaBarriers.Memory();
        if (!_queue.DeviceWantsNoNotify)
        {
            DmaBarriers.BeforeDoorbell();
            _regs.Write32(VirtioMmio.QueueNotify, 0);
        }

        token = head;
        return BlockError.None;
    }

    /// <summary>Takes every entry the device has put on the used ring since the last call, in the device's order, and
    /// records each request's result (its status byte). In interrupt mode InterruptStatus is read and acknowledged
    /// first, so a completion the device publishes after this look raises a new interrupt instead of being
    /// acknowledged unseen. The used ring's index is the truth: a completion that arrived while nobody waited is found
    /// here. Returns how many requests completed (their results are ready to collect).
    /// <para>Nothing the device wrote is trusted: used->idx is read once, and may have moved by at most the number of
    /// requests in flight (each yields exactly one entry), which also bounds the work; each entry's id must name a
    /// request in flight, its len must fit the request's device-writable buffers, and the status byte must have been
    /// written. Anything else is a protocol violation: the driver gives up on the device (resets it, so it lets go of
    /// every buffer) and fails every request in flight, and every request this call completed, with
    /// <see cref="BlockError.ProtocolViolation"/>.</para></summary>
    public int ReapCompletions()
    {
        if (!IsReady)
        {
            return 0;
        }

        if (_wait.UsesInterrupts)
        {
            AcknowledgeInterrupt();
        }

        // A legacy device may report a used length larger than the buffers (5.2.6.3: ignore it); a modern one may not.
        bool checkLength = IsModern;
        int completedBefore = _completedCount;
        uint fresh = _queue.NewUsedCount;
        if (fresh != 0)
        {
            ushort tailBefore = _completedTail;
            if (fresh > (uint)_inFlight)
            {
                return FailBatch(tailBefore, completedBefore);
            }

            DmaBarriers.Memory();   // the entries only after the index (2.7.14)
            for (uint i = 0; i < fresh; i++)
            {
                VirtqUsedElem used = _queue.TakeUsed();
                if (used.Id >= _queue.Size)
                {
                    return FailBatch(tailBefore, completedBefore);
                }

                ushort head = (ushort)used.Id;
                VirtioBlkRequestState* state = _states + head;
                byte status = Volatile.Read(ref _slots[head].Status);
                if (state->State != VirtioBlkRequestState.InFlight || (checkLength && used.Len > state->WritableBytes) ||
                    status == VirtioBlkRequestSlot.StatusNotWritten)
                {
                    return FailBatch(tailBefore, completedBefore);
                }

                Complete(head, status switch
                {
                    VirtioBlkStatus.VIRTIO_BLK_S_OK => BlockError.None,
                    VirtioBlkStatus.VIRTIO_BLK_S_IOERR => BlockError.IoError,
                    VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP => BlockError.Unsupported,
                    _ => BlockError.DeviceError,
                });
            }
        }

        if (_configChanged && IsReady)
        {
            OnConfigurationChange();
        }

        return _completedCount - completedBefore;
    }

    /// <summary>A protocol violation seen while taking the used ring: gives up on the device (every request in flight
    /// fails), and fails the requests completed earlier in the same look too, those after
    /// <paramref name="tailBefore"/> on the completed list: their entries came from a device that broke the protocol.
    /// Returns how many results became ready since <paramref name="completedBefore"/>.</summary>
    int FailBatch(ushort tailBefore, int completedBefore)
    {
        BlockError error = GiveUp(BlockError.ProtocolViolation);
        ushort head = tailBefore == NoToken ? _completedHead : _states[tailBefore].NextCompleted;
        while (head != NoToken)
        {
            _states[head].Result = error;
            head = _states[head].NextCompleted;
        }

        return _completedCount - completedBefore;
    }

    /// <summary>The result of request <paramref name="token"/>, if it has completed: true, the result in
    /// <paramref name="result"/>, and the token and its descriptors are free again. False while it is in flight (call
    /// <see cref="ReapCompletions"/> or wait). True with <see cref="BlockError.BadToken"/> for a token that names no
    /// request.</summary>
    public bool TryGetResult(ushort token, out BlockError result)
    {
        if (_states == null || token >= _queue.Size)
        {
            result = BlockError.BadToken;
            return true;
        }

        VirtioBlkRequestState* state = _states + token;
        switch (state->State)
        {
            case VirtioBlkRequestState.InFlight:
                result = BlockError.None;
                return false;
            case VirtioBlkRequestState.Completed:
                result = state->Result;
                Collect(token);
                return true;
            default:
                result = BlockError.BadToken;
                return true;
        }
    }

    /// <summary>Collects the oldest completed request, whichever it is: its token and result. False when none has
    /// completed (or none is left uncollected).</summary>
    public bool TryTakeCompleted(out ushort token, out BlockError result)
    {
        token = _completedHead;
        if (_states == null || token == NoToken)
        {
            token = NoToken;
            result = BlockError.None;
            return false;
        }

        result = _states[token].Result;
        Collect(token);
        return true;
    }

    /// <summary>Waits until request <paramref name="token"/> completes, then collects it and returns its result.
    /// <see cref="BlockError.BadToken"/> for a token that names no request. With a wait that has no time limit (the
    /// kernel's default) a slow device is waited for as long as it takes. When the wait's time limit passes
    /// (<see cref="ICompletionWait.Wait"/> returns false) the used ring is looked at once more (a host stall is not
    /// the device's fault), and the device gets one more period; if the request is still not done after that, it is
    /// reset and initialised again, and every
    /// request in flight, this one included, fails with <see cref="BlockError.Timeout"/> (outcome unknown). A device
    /// that sets DEVICE_NEEDS_RESET is restarted the same way (<see cref="BlockError.DeviceNeedsReset"/>).</summary>
    public BlockError WaitFor(ushort token)
    {
        if (TryGetResult(token, out BlockError result))
        {
            return result;
        }

        _wait.Start();
        uint waits = 0;
        bool graceGiven = false;
        while (true)
        {
            ReapCompletions();
            if (TryGetResult(token, out result))
            {
                return result;
            }

            if (!IsReady)
            {
                return NotReadyError;   // a reset that did not complete: the request stays the device's
            }

            if (!_wait.Wait())
            {
                ReapCompletions();
                if (!TryGetResult(token, out result))
                {
                    if (!graceGiven)
                    {
                        // A host stall (QEMU stopped) can eat a whole deadline at once: give the device one more
                        // period of real time before deciding it stopped answering.
                        graceGiven = true;
                        _wait.Start();
                        continue;
                    }

                    Restart(BlockError.Timeout);
                    if (!TryGetResult(token, out result))
                    {
                        return NotReadyError;
                    }
                }

                return result;
            }

            // Interrupt mode learns of DEVICE_NEEDS_RESET from the configuration-change interrupt; polling looks.
            if (!_wait.UsesInterrupts && ++waits % StatusCheckInterval == 0)
            {
                CheckNeedsReset();
            }
        }
    }

    /// <summary>Waits until at least one request's result is ready to collect (<see cref="TryTakeCompleted"/>):
    /// returns <see cref="BlockError.None"/> then, at once when one already is or when none is in flight. When the
    /// wait's time limit passes and a last look at the used ring finds nothing, the driver restarts the device as
    /// <see cref="WaitFor"/> does and returns <see cref="BlockError.Timeout"/>; every request that was in flight then
    /// has that error as its result. After DEVICE_NEEDS_RESET the same, with that error.</summary>
    public BlockError WaitForCompletion()
    {
        ReapCompletions();
        if (_completedCount != 0 || _inFlight == 0)
        {
            return BlockError.None;
        }

        _wait.Start();
        uint waits = 0;
        bool graceGiven = false;
        while (true)
        {
            if (!IsReady)
            {
                return NotReadyError;
            }

            if (!_wait.Wait())
            {
                ReapCompletions();
                if (_completedCount != 0 || _inFlight == 0)
                {
                    return BlockError.None;
                }

                if (!graceGiven)
                {
                    graceGiven = true;   // one more period after a deadline: see WaitFor
                    _wait.Start();
                    continue;
                }

                BlockError error = Restart(BlockError.Timeout);
                return error == BlockError.None ? BlockError.Timeout : error;
            }

            if (!_wait.UsesInterrupts && ++waits % StatusCheckInterval == 0 && CheckNeedsReset())
            {
                return BlockError.DeviceNeedsReset;
            }

            ReapCompletions();
            if (_completedCount != 0 || _inFlight == 0)
            {
                return BlockError.None;
            }
        }
    }

    /// <summary>Reads InterruptStatus and writes the bits it found to InterruptACK (4.2.2), which lowers the device's
    /// interrupt line. Returns them: <see cref="VirtioMmio.InterruptUsedBuffer"/> (the used ring has new entries: see
    /// <see cref="ReapCompletions"/>), <see cref="VirtioMmio.InterruptConfigChange"/> (the configuration changed;
    /// the next <see cref="ReapCompletions"/> checks Status for DEVICE_NEEDS_RESET), 0 when the interrupt was not
    /// this device's. <see cref="ReapCompletions"/> calls it in interrupt mode.</summary>
    public uint AcknowledgeInterrupt()
    {
        if (!_ready)
        {
            return 0;
        }

        // Only the bits the driver knows (4.2.2.2); then a fence, so that the used ring is read after the device saw
        // the acknowledgement and a completion published in between raises the line again.
        uint pending = _regs.Read32(VirtioMmio.InterruptStatus) & (VirtioMmio.InterruptUsedBuffer | VirtioMmio.InterruptConfigChange);
        if (pending != 0)
        {
            _regs.Write32(VirtioMmio.InterruptACK, pending);
            DmaBarriers.AfterInterruptAck();
            if ((pending & VirtioMmio.InterruptConfigChange) != 0)
            {
                _configChanged = true;
            }
        }

        return pending;
    }

    readonly BlockError NotReadyError => _broken ? BlockError.DeviceNeedsReset : BlockError.NoDevice;

    readonly bool FlushNegotiated => (_acceptedFeatures & VirtioBlkFeatures.Flush) != 0;

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

    /// <summary>Records <paramref name="result"/> for the request at <paramref name="head"/> and queues it for collection.</summary>
    void Complete(ushort head, BlockError result)
    {
        VirtioBlkRequestState* state = _states + head;
        state->State = VirtioBlkRequestState.Completed;
        state->Result = result;
        state->NextCompleted = NoToken;
        state->PreviousCompleted = _completedTail;
        if (_completedTail != NoToken)
        {
            _states[_completedTail].NextCompleted = head;
        }
        else
        {
            _completedHead = head;
        }

        _completedTail = head;
        _inFlight--;
        _completedCount++;
    }

    /// <summary>Frees a completed request: off the completed list, its descriptors back to the free list.</summary>
    void Collect(ushort head)
    {
        VirtioBlkRequestState* state = _states + head;
        if (state->PreviousCompleted != NoToken)
        {
            _states[state->PreviousCompleted].NextCompleted = state->NextCompleted;
        }
        else
        {
            _completedHead = state->NextCompleted;
        }

        if (state->NextCompleted != NoToken)
        {
            _states[state->NextCompleted].PreviousCompleted = state->PreviousCompleted;
        }
        else
        {
            _completedTail = state->PreviousCompleted;
        }

        state->State = VirtioBlkRequestState.Free;
        _completedCount--;
        _queue.FreeChain(head);
    }
}
