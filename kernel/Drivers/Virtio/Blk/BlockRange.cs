namespace Kernel.Drivers.Virtio;

/// <summary>A range of sectors for a discard or write-zeroes request: <see cref="Count"/> 512-byte sectors from
/// <see cref="Sector"/>. One range is one segment of the request (a <see cref="VirtioBlkDiscardWriteZeroes"/>), so
/// it must fit the device's per-segment limit; <c>VirtioBlk.Discard</c> and <c>WriteZeroes</c> cut any range to fit.</summary>
public readonly struct BlockRange
{
    public readonly ulong Sector;

    public readonly uint Count;

    public BlockRange(ulong sector, uint count)
    {
        Sector = sector;
        Count = count;
    }
}
