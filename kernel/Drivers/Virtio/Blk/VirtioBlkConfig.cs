namespace Kernel.Drivers.Virtio;

/// <summary>Offsets in the block device's configuration space (struct virtio_blk_config, virtio 1.x 5.2.4),
/// relative to <see cref="VirtioMmio.Config"/>. Fields are little-endian.</summary>
public static class VirtioBlkConfig
{
    /// <summary>le64 capacity: the size of the disk in 512-byte sectors, whatever blk_size says.</summary>
    public const uint Capacity = 0;

    /// <summary>le32 size_max (VIRTIO_BLK_F_SIZE_MAX).</summary>
    public const uint SizeMax = 8;

    /// <summary>le32 seg_max (VIRTIO_BLK_F_SEG_MAX).</summary>
    public const uint SegMax = 12;

    /// <summary>geometry { le16 cylinders; u8 heads; u8 sectors; } (VIRTIO_BLK_F_GEOMETRY).</summary>
    public const uint Geometry = 16;

    /// <summary>le32 blk_size (VIRTIO_BLK_F_BLK_SIZE).</summary>
    public const uint BlkSize = 20;

    /// <summary>topology { u8 physical_block_exp; u8 alignment_offset; le16 min_io_size; } (VIRTIO_BLK_F_TOPOLOGY),
    /// read as one 32-bit word: the physical block is 2^exp logical blocks, min_io_size is in logical blocks.</summary>
    public const uint Topology = 24;

    /// <summary>le32 opt_io_size, in logical blocks (VIRTIO_BLK_F_TOPOLOGY).</summary>
    public const uint OptIoSize = 28;

    /// <summary>u8 writeback (VIRTIO_BLK_F_CONFIG_WCE): 0 writethrough, 1 writeback; the driver may write it. Legacy
    /// name <c>wce</c>; the same offset on both transports (legacy differs only in byte order, the guest's: little-endian
    /// here too).</summary>
    public const uint Writeback = 32;

    /// <summary>le32 max_discard_sectors (VIRTIO_BLK_F_DISCARD): the most sectors of one discard segment. After it on
    /// both transports: u8 unused0 and le16 num_queues (VIRTIO_BLK_F_MQ, not used here).</summary>
    public const uint MaxDiscardSectors = 36;

    /// <summary>le32 max_discard_seg (VIRTIO_BLK_F_DISCARD): the most segments in one discard request.</summary>
    public const uint MaxDiscardSeg = 40;

    /// <summary>le32 discard_sector_alignment (VIRTIO_BLK_F_DISCARD), in sectors: where to cut a large discard.</summary>
    public const uint DiscardSectorAlignment = 44;

    /// <summary>le32 max_write_zeroes_sectors (VIRTIO_BLK_F_WRITE_ZEROES): the most sectors of one segment.</summary>
    public const uint MaxWriteZeroesSectors = 48;

    /// <summary>le32 max_write_zeroes_seg (VIRTIO_BLK_F_WRITE_ZEROES): the most segments in one request.</summary>
    public const uint MaxWriteZeroesSeg = 52;

    /// <summary>u8 write_zeroes_may_unmap (VIRTIO_BLK_F_WRITE_ZEROES): 1 when a write-zeroes with the unmap flag may
    /// deallocate the sectors.</summary>
    public const uint WriteZeroesMayUnmap = 56;

    /// <summary>The unit of <see cref="Capacity"/> and of a request's sector, whatever the device's block size.</summary>
    public const int SectorSize = 512;

    /// <summary>log2(<see cref="SectorSize"/>).</summary>
    public const int SectorShift = 9;
}
