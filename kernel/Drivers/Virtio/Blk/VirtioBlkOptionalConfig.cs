namespace Kernel.Drivers.Virtio;

/// <summary>The configuration fields after the topology (virtio 1.2 5.2.4) that the driver uses: the cache mode
/// (CONFIG_WCE) and the limits of discard and write zeroes. Each is read only when its feature was negotiated (the
/// field means nothing otherwise) and is 0 then.</summary>
public struct VirtioBlkOptionalConfig
{
    /// <summary>writeback: 1 writeback, 0 writethrough (CONFIG_WCE).</summary>
    public byte Writeback;

    /// <summary>max_discard_sectors, max_discard_seg, discard_sector_alignment (DISCARD).</summary>
    public uint MaxDiscardSectors;

    public uint MaxDiscardSeg;

    public uint DiscardSectorAlignment;

    /// <summary>max_write_zeroes_sectors, max_write_zeroes_seg, write_zeroes_may_unmap (WRITE_ZEROES).</summary>
    public uint MaxWriteZeroesSectors;

    public uint MaxWriteZeroesSeg;

    public byte WriteZeroesMayUnmap;
}
