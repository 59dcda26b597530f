namespace Kernel.Drivers.Virtio;

/// <summary>Waiting for completions through <typeparamref name="TWait"/>, with deadlines that recover the device
/// (<c>VirtioBlk.Recovery.cs</c>).</summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait>
{
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
        Kick();
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
        Kick();
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
}
