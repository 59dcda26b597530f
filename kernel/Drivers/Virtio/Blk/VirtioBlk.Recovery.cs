using System.Runtime.CompilerServices;

namespace Kernel.Drivers.Virtio;

/// <summary>What the driver does when the device stops answering, asks for a reset, changes its configuration or
/// breaks the protocol.
/// <list type="bullet">
/// <item>A deadline passed (<see cref="ICompletionWait.Wait"/> returned false) and a last look at the used ring found
/// nothing (a host stall does not count), or the device set DEVICE_NEEDS_RESET: <see cref="Restart"/> resets the
/// device, fails the requests in flight (<see cref="BlockError.Timeout"/>, <see cref="BlockError.DeviceNeedsReset"/>:
/// their outcome is unknown, a write may or may not be on the disk) and initialises it again in the same memory. The
/// disk works again.</item>
/// <item>A protocol violation: <see cref="GiveUp"/> resets the device, sets FAILED and fails everything in flight; the
/// driver refuses requests until <see cref="Recover"/>.</item>
/// <item>A reset that never completes (Status never reads 0, 4.2.3.1): the device may still own every buffer in the
/// queue (3.3.1), so no request in flight is handed back: they stay in flight, the driver refuses new requests, and
/// <see cref="Recover"/> tries again.</item>
/// <item>A configuration change (the interrupt's bit 1; polling: ConfigGeneration, or on the legacy interface
/// InterruptStatus, once per batch of requests): the configuration is read again, so requests are checked against the
/// current capacity (5.2.6.1).</item>
/// </list></summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait>
{
    /// <summary>How many times the driver reset and initialised the device again since <c>Initialize</c>.</summary>
    public readonly uint Recoveries => _recoveries;

    /// <summary>A reset did not complete: requests may still be in the device's hands (<see cref="Recover"/>).</summary>
    public readonly bool IsStuck => _stuck;

    /// <summary>Resets the device and initialises it again with the same features and queue (its memory is used again:
    /// nothing is allocated). Requests in flight fail with <see cref="BlockError.Aborted"/> (or the error that made the
    /// driver stop, after a reset that did not complete). The way back after a protocol violation or a stuck reset;
    /// on a working device, a fresh start. <see cref="BlockError.NoDevice"/> when never initialised.</summary>
    public BlockError Recover()
    {
        if (!_ready)
        {
            return BlockError.NoDevice;
        }

        return Restart(_stuck ? _stuckReason : BlockError.Aborted);
    }

    /// <summary>As <see cref="Recover"/>, accepting <paramref name="wantedFeatures"/> this time (e.g. the bench
    /// comparing feature sets): the same memory, the same queue size.</summary>
    public BlockError Reinitialize(ulong wantedFeatures)
    {
        if (!_ready)
        {
            return BlockError.NoDevice;
        }

        _wantedFeatures = wantedFeatures;
        return Restart(_stuck ? _stuckReason : BlockError.Aborted);
    }

    /// <summary>Resets the device, fails every request in flight with <paramref name="reason"/> and initialises the
    /// device again. When the reset does not complete, nothing is handed back (3.3.1) and the driver is stuck.</summary>
    BlockError Restart(BlockError reason)
    {
        if (!_transport.Reset())
        {
            _broken = true;
            _stuck = true;
            _stuckReason = reason;
            return BlockError.DeviceNeedsReset;
        }

        _stuck = false;
        FailInFlight(reason);
        _recoveries++;
        _configChanged = false;
        BlockError error = BringUp();
        if (error != BlockError.None)
        {
            _transport.AddStatus(VirtioDeviceStatus.Failed);
            _broken = true;
            return error;
        }

        _broken = false;
        return BlockError.None;
    }

    /// <summary>Gives up on a device that broke the protocol: resets it (so it lets go of every buffer), sets FAILED,
    /// and fails every request in flight with <paramref name="reason"/> (<see cref="BlockError.DeviceNeedsReset"/>
    /// when the device set that bit). Later requests are refused until <see cref="Recover"/>.</summary>
    BlockError GiveUp(BlockError reason)
    {
        bool needsReset = _transport.NeedsReset;
        BlockError error = needsReset ? BlockError.DeviceNeedsReset : reason;
        _broken = true;
        if (!_transport.Reset())
        {
            _stuck = true;
            _stuckReason = error;
            return error;
        }

        _transport.AddStatus(VirtioDeviceStatus.Failed);
        FailInFlight(error);
        return error;
    }

    void FailInFlight(BlockError error)
    {
        for (int head = 0; head < _queue.Size && _inFlight > 0; head++)
        {
            if (_states[head].State == VirtioBlkRequestState.InFlight)
            {
                Complete((ushort)head, error);
            }
        }
    }

    /// <summary>Reads Status; when the device set DEVICE_NEEDS_RESET, restarts it (the requests in flight fail with
    /// <see cref="BlockError.DeviceNeedsReset"/>) and returns true.</summary>
    bool CheckNeedsReset()
    {
        if (!_transport.NeedsReset)
        {
            return false;
        }

        Restart(BlockError.DeviceNeedsReset);
        return true;
    }

    /// <summary>Looks for a configuration change now (as before every batch of requests) when nothing is in flight:
    /// after it <see cref="CapacitySectors"/> is the device's current capacity. For callers that show the size.</summary>
    public void RefreshConfiguration()
    {
        if (IsReady && _inFlight == 0)
        {
            CheckConfiguration();
        }
    }

    /// <summary>Before a batch of requests (none in flight): has the configuration changed? Modern: ConfigGeneration
    /// moved. Legacy (no generation): InterruptStatus has the configuration-change bit, which is then acknowledged
    /// alone (a used-buffer bit is left for <see cref="ReapCompletions"/>). True when it changed and was read again
    /// (which may have made the device not ready).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    bool CheckConfiguration()
    {
        if (_transport.IsModern)
        {
            if (_transport.ConfigGeneration != _configGeneration)
            {
                _configChanged = true;
            }
        }
        else if ((_transport.InterruptStatus & VirtioMmio.InterruptConfigChange) != 0)
        {
            _transport.Acknowledge(VirtioMmio.InterruptConfigChange);
            _configChanged = true;
        }

        if (!_configChanged)
        {
            return false;
        }

        OnConfigurationChange();
        return true;
    }

    /// <summary>The configuration changed (or DEVICE_NEEDS_RESET was set: both raise the same interrupt): restart on
    /// DEVICE_NEEDS_RESET, otherwise read the configuration again (the new capacity counts from the next request).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]   // cold: kept out of the hot paths that check for it
    void OnConfigurationChange()
    {
        _configChanged = false;
        if (!CheckNeedsReset() && !ReadConfiguration())
        {
            GiveUp(BlockError.ProtocolViolation);
        }
    }
}
