namespace Kernel.Bench;

/// <summary>One case of the benchmark: read or write, sequential or random, the request size and the queue depth;
/// its number (1, 2, ... in the order run; 0 for the warm-up) seeds the offsets and names the data (<see cref="Tag"/>).</summary>
public readonly struct BenchCase
{
    public readonly bool Write;
    public readonly bool Random;
    public readonly uint Size;
    public readonly int Depth;
    public readonly uint Number;

    public BenchCase(bool write, bool random, uint size, int depth, uint number)
    {
        Write = write;
        Random = random;
        Size = size;
        Depth = depth;
        Number = number;
    }

    /// <summary>Sectors per request.</summary>
    public uint Sectors => Size / BenchWorkspace.SectorSize;

    /// <summary>Word 1 of every sector the case writes: "benc" and the case number.</summary>
    public ulong Tag => 0x62656e6300000000UL | Number;
}
