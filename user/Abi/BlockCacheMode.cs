namespace UserAbi;

/// <summary>blkcache's argument and result (docs/abi.md, <see cref="SystemCall.BlockCache"/>): the write cache of a
/// virtio-blk device, writeback (completed writes may wait in a volatile cache for blkflush) or writethrough.</summary>
public static class BlockCacheMode
{
    /// <summary>Argument: only ask.</summary>
    public const int Ask = 0;

    /// <summary>Argument: switch to writethrough (the kernel flushes too).</summary>
    public const int Writethrough = 1;

    /// <summary>Argument: switch to writeback.</summary>
    public const int Writeback = 2;

    /// <summary>Result bit: the device caches writes now.</summary>
    public const int IsWriteback = 1;

    /// <summary>Result bit: the mode can be switched (VIRTIO_BLK_F_CONFIG_WCE negotiated).</summary>
    public const int IsSwitchable = 2;
}
