using System.Runtime.CompilerServices;
using System.Threading;

namespace Kernel.Drivers.Virtio;

/// <summary>Taking completions back (2.7.14): the used ring checked entry by entry, results recorded, collected by
/// token or oldest first, and the interrupt acknowledged.</summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait>
{
    /// <summary>Takes every entry the device has put on the used ring since the last call, in the device's order, and
    /// records each request's result (its status byte). In interrupt mode InterruptStatus is read and acknowledged
    /// first, so a completion the device publishes after this look raises a new interrupt instead of being
    /// acknowledged unseen. The used ring's index is the truth: a completion that arrived while nobody waited is found
    /// here. Returns how many requests completed (their results are ready to collect).
    /// <para>Nothing the device wrote is trusted: the device may hand back at most the number of requests in flight
    /// (each yields exactly one entry), which also bounds the work; each entry's id must name a
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

        // The ring format is tested once here, not in every queue call of the loop; each format's loop is its own
        // function, so the split ring's (calls only when failing) saves no registers for the packed ring's calls.
        int completed = _queue.IsPacked ? TakeUsed(ref _queue.Packed) : TakeUsed(ref _queue.Split);

        // After a protocol violation (FailBatch) the device is not ready: nothing more to look at.
        if (_configChanged && IsReady)
        {
            OnConfigurationChange();
        }

        return completed;
    }

    /// <summary>Takes the used ring's entries from <paramref name="queue"/> (the format <see cref="_queue"/> holds)
    /// and completes each checked request, as <see cref="ReapCompletions"/> describes. Returns how many results became
    /// ready.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    int TakeUsed<TQueue>(ref TQueue queue)
        where TQueue : struct, IVirtqueue
    {
        // A legacy device may report a used length larger than the buffers (5.2.6.3: ignore it); a modern one may not.
        bool checkLength = _transport.IsModern;
        int completedBefore = _completedCount;
        ushort tailBefore = _completedTail;
        int limit = _inFlight;   // each request yields exactly one entry: more is a device breaking the protocol
        int taken = 0;
        while (true)
        {
            int takenBefore = taken;
            for (; queue.TryTakeUsed(out VirtqUsedElem used); taken++)
            {
                if (taken == limit || used.Id >= queue.Size)
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

            // Ask for the next interrupt (EVENT_IDX: used_event); what was used before the device saw the request
            // raised none, so look again.
            if (taken == takenBefore || queue.EnableInterrupt())
            {
                break;
            }
        }

        return _completedCount - completedBefore;
    }

    /// <summary>A protocol violation seen while taking the used ring: gives up on the device (every request in flight
    /// fails), and fails the requests completed earlier in the same look too, those after
    /// <paramref name="tailBefore"/> on the completed list: their entries came from a device that broke the protocol.
    /// Returns how many results became ready since <paramref name="completedBefore"/>. Kept out of line: the hot
    /// path then saves fewer registers.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

        // Only the bits the driver knows (4.2.2.2), then a fence: the used ring is read after the device saw the
        // acknowledgement, so a completion published in between raises the line again.
        uint pending = _transport.AcknowledgeInterrupt();
        if ((pending & VirtioMmio.InterruptUsedBuffer) != 0)
        {
            _counters.Interrupts++;
        }

        if ((pending & VirtioMmio.InterruptConfigChange) != 0)
        {
            _configChanged = true;
        }

        return pending;
    }

    /// <summary>Records <paramref name="result"/> for the request at <paramref name="head"/> and queues it for collection.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
