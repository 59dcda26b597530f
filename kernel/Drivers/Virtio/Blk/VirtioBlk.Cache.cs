namespace Kernel.Drivers.Virtio;

/// <summary>The device's write cache (virtio 1.2 5.2.5, 5.2.6.2): writeback (completed writes may sit in a volatile
/// cache until a FLUSH) or writethrough (a completed write is on stable storage). With VIRTIO_BLK_F_CONFIG_WCE the
/// driver reads the mode from the configuration's <c>writeback</c> field and may switch it by writing the field;
/// without it the mode follows from FLUSH (negotiated: the driver assumes writeback, as the spec says it SHOULD).</summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait>
{
    /// <summary>VIRTIO_BLK_F_CONFIG_WCE was negotiated: <see cref="SetWritebackCache"/> can switch the mode.</summary>
    public readonly bool CacheModeSwitchable => Negotiated(VirtioBlkFeatures.ConfigWce);

    /// <summary>True when the device caches writes (writeback), false when it writes through. With CONFIG_WCE the
    /// <c>writeback</c> field is read now (8 bits wide); without it, true exactly when FLUSH was negotiated.</summary>
    public bool IsWritebackCache()
    {
        if (!CacheModeSwitchable)
        {
            return FlushNegotiated;
        }

        if (IsReady)
        {
            _optional.Writeback = _transport.ReadConfig8(VirtioBlkConfig.Writeback);
        }

        return _optional.Writeback != 0;
    }

    /// <summary>Switches the device's cache to writeback (<paramref name="writeback"/>) or writethrough by writing the
    /// configuration's <c>writeback</c> field (1 or 0), then reads it back to confirm. <see cref="BlockError.Unsupported"/>
    /// when CONFIG_WCE was not negotiated, or when the field does not read back as written (the device kept its mode).
    /// Going to writethrough also sends a FLUSH: after writing 0 the driver MUST NOT assume earlier volatile writes
    /// reached stable storage (5.2.6.1), and a caller asking for writethrough means every completed write to be there.
    /// A write in flight while the mode changes may end either volatile or stable (5.2.6.2): switch between requests.</summary>
    public BlockError SetWritebackCache(bool writeback)
    {
        if (!IsReady)
        {
            return NotReadyError;
        }

        if (!CacheModeSwitchable)
        {
            return BlockError.Unsupported;
        }

        byte wanted = writeback ? (byte)1 : (byte)0;
        _transport.WriteConfig8(VirtioBlkConfig.Writeback, wanted);
        _optional.Writeback = _transport.ReadConfig8(VirtioBlkConfig.Writeback);
        if (_optional.Writeback != wanted)
        {
            return BlockError.Unsupported;
        }

        return writeback ? BlockError.None : Flush();
    }
}
