namespace Kernel.Drivers.Virtio;

/// <summary>Feature bits of the block device (virtio 1.x, 5.2.3) and the generic ones (6) the driver knows about.
/// The driver accepts only bits in <see cref="Supported"/>; everything else offered is declined.</summary>
public static class VirtioBlkFeatures
{
    /// <summary>Bit 1: size_max in the configuration is the maximum size of a segment.</summary>
    public const ulong SizeMax = 1ul << 1;

    /// <summary>Bit 2: seg_max in the configuration is the maximum number of segments in a request.</summary>
    public const ulong SegMax = 1ul << 2;

    /// <summary>Bit 4: the geometry in the configuration is valid.</summary>
    public const ulong Geometry = 1ul << 4;

    /// <summary>Bit 5: the device is read-only.</summary>
    public const ulong ReadOnly = 1ul << 5;

    /// <summary>Bit 6: blk_size in the configuration is the optimal block size.</summary>
    public const ulong BlockSize = 1ul << 6;

    /// <summary>Bit 9: the device supports VIRTIO_BLK_T_FLUSH (legacy name VIRTIO_BLK_F_WCE, "writeback mode after
    /// reset"). Negotiated, it lets the device cache writes (QEMU: its writeback cache, several times faster than
    /// write-through); <c>VirtioBlk.Flush</c> then makes them durable. Not negotiated, the device writes through.</summary>
    public const ulong Flush = 1ul << 9;

    /// <summary>Bit 10: topology information in the configuration.</summary>
    public const ulong Topology = 1ul << 10;

    /// <summary>Bit 11: the writeback cache mode can be changed through the configuration.</summary>
    public const ulong ConfigWce = 1ul << 11;

    /// <summary>Bit 13: VIRTIO_BLK_T_DISCARD, within max_discard_sectors, max_discard_seg and (a hint for cutting)
    /// discard_sector_alignment.</summary>
    public const ulong Discard = 1ul << 13;

    /// <summary>Bit 14: VIRTIO_BLK_T_WRITE_ZEROES, within max_write_zeroes_sectors and max_write_zeroes_seg;
    /// write_zeroes_may_unmap says whether the unmap flag may deallocate.</summary>
    public const ulong WriteZeroes = 1ul << 14;

    /// <summary>Bits 27 and up are the transport's and the rings' (<see cref="VirtioFeatures"/>), repeated here so a
    /// caller sees every bit the block driver knows in one place.</summary>
    public const ulong AnyLayout = VirtioFeatures.AnyLayout;

    public const ulong RingIndirectDesc = VirtioFeatures.IndirectDesc;

    public const ulong RingEventIdx = VirtioFeatures.EventIdx;

    public const ulong Version1 = VirtioFeatures.Version1;

    public const ulong RingPacked = VirtioFeatures.RingPacked;

    /// <summary>What this driver implements and can therefore accept when offered: the read-only flag (writes are
    /// refused), BLK_SIZE (<c>VirtioBlk.BlockSize</c>: every read and write starts and ends on such a block; sectors
    /// stay 512 bytes), TOPOLOGY (<c>PhysicalBlockSize</c>, <c>MinIoSize</c>, <c>OptimalIoSize</c>), SEG_MAX
    /// and SIZE_MAX (honoured when building descriptor chains), FLUSH (<c>VirtioBlk.Flush</c>) and VERSION_1 (the
    /// modern interface; accepted whenever offered, whatever was asked for), EVENT_IDX (used_event and avail_event
    /// decide interrupts and notifications), INDIRECT_DESC (a request takes one ring descriptor), RING_PACKED (the
    /// packed virtqueue, 2.8; modern interface only, chosen at the first initialisation), DISCARD and WRITE_ZEROES
    /// (<c>VirtioBlk.Discard</c>, <c>WriteZeroes</c>) and CONFIG_WCE (<c>VirtioBlk.SetWritebackCache</c>: the cache mode
    /// switched at run time). Never more: unknown bits are always declined.</summary>
    public const ulong Supported = ReadOnly | BlockSize | SegMax | SizeMax | Flush | Topology | Version1 |
        RingEventIdx | RingIndirectDesc | RingPacked | ConfigWce | Discard | WriteZeroes;

    /// <summary>What <c>VirtioBlk.Initialize</c> accepts without being asked otherwise: everything in
    /// <see cref="Supported"/>: the packed ring whenever the device offers it (QEMU: <c>packed=on</c>). With FLUSH the
    /// device may cache writes: call <c>Flush</c> to make them durable. With CONFIG_WCE the device keeps the cache mode
    /// it had (QEMU: its drive's, writeback by default) instead of choosing it from FLUSH at DRIVER_OK.</summary>
    public const ulong Default = ReadOnly | BlockSize | SegMax | SizeMax | Flush | Topology | RingEventIdx | RingIndirectDesc |
        RingPacked | ConfigWce | Discard | WriteZeroes;
}
