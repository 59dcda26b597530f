namespace Kernel.Bench;

/// <summary>What the benchmark has the driver accept (<c>bench.features</c>): blk0 is initialised again with these
/// when what it accepted at boot differs (VERSION_1 is always accepted when offered: the modern transport needs it).</summary>
public enum BenchFeatures
{
    /// <summary><c>flush</c>, the default: VIRTIO_BLK_F_FLUSH only (when offered). QEMU then caches writes
    /// (writeback), as for the C yardstick's <c>bench.features=flush</c> rows, so that the rows compare.</summary>
    Flush,

    /// <summary><c>none</c>: no feature; QEMU writes through (an <c>fdatasync</c> per write on the host).</summary>
    None,

    /// <summary><c>driver</c>: the driver's default set (<c>VirtioBlkFeatures.Default</c>), what the boot accepted.</summary>
    Driver,
}
