namespace Kernel.Memory.Paging;

/// <summary>
/// What differs between the translation schemes (privileged specification 1.12, sections 4.3 and 4.4): the number
/// of levels, the virtual page number's bits per level, the entry's size and layout, the address widths, and the
/// satp MODE. <see cref="PageTable{TMode, TMemory}"/> is written once over it; a struct, so each use is compiled
/// for its mode with nothing looked up at run time.
/// </summary>
public interface IPagingMode
{
    /// <summary>"Sv32" or "Sv39".</summary>
    string Name { get; }

    /// <summary>Levels of the tree (LEVELS: 2 or 3).</summary>
    int Levels { get; }

    /// <summary>Bits of the virtual page number per level (10 or 9): a table holds 2^this entries of one page.</summary>
    int VpnBits { get; }

    /// <summary>Bytes per entry (PTESIZE: 4 or 8).</summary>
    int PteSize { get; }

    /// <summary>Width of a virtual address (32 or 39).</summary>
    int VirtualBits { get; }

    /// <summary>Width of a physical address (34 or 56).</summary>
    int PhysicalBits { get; }

    /// <summary>The satp value that selects this mode with <paramref name="rootPpn"/> as the root table, ASID 0.</summary>
    ulong Satp(ulong rootPpn);

    /// <summary>The entry at <paramref name="index"/> of the table at <paramref name="table"/>, widened to 64 bits.</summary>
    unsafe ulong Read(byte* table, int index);

    unsafe void Write(byte* table, int index, ulong entry);

    /// <summary>An entry for page number <paramref name="ppn"/> with <paramref name="flags"/>.</summary>
    ulong Make(ulong ppn, PteFlags flags);

    ulong PpnOf(ulong entry);
}
