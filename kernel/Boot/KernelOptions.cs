namespace Kernel.Boot;

using System;

/// <summary>The kernel command line, parsed (<see cref="KernelCommandLine"/>; the grammar is in kernel/README.md).</summary>
public unsafe struct KernelOptions
{
    /// <summary>The most sectors <c>blk.checksum</c> takes.</summary>
    public const int MaxChecksumSectors = 32;

    private fixed ulong _checksumSectors[MaxChecksumSectors];

    /// <summary><c>demo=off</c> clears it: no write to the disk.</summary>
    public bool Demo;

    /// <summary><c>blk.read=S</c>: read sector <see cref="ReadSector"/> and show its first bytes.</summary>
    public bool HasRead;
    public ulong ReadSector;

    /// <summary><c>blk.checksum=S1,S2,...</c>: how many sectors to checksum (0: none).</summary>
    public int ChecksumCount;

    public static KernelOptions Defaults
    {
        get
        {
            KernelOptions options = default;
            options.Demo = true;
            return options;
        }
    }

    /// <summary>Whether a test mode was asked for: they replace the demo's write.</summary>
    public readonly bool HasTestMode => HasRead || ChecksumCount != 0;

    public readonly ulong GetChecksumSector(int index)
    {
        if ((uint)index >= (uint)ChecksumCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return _checksumSectors[index];
    }

    /// <summary>False when the list is full.</summary>
    public bool AddChecksumSector(ulong sector)
    {
        if (ChecksumCount == MaxChecksumSectors)
        {
            return false;
        }

        _checksumSectors[ChecksumCount++] = sector;
        return true;
    }
}
