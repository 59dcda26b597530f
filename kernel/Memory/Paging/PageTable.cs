namespace Kernel.Memory.Paging;

/// <summary>
/// A tree of page tables in <typeparamref name="TMode"/>'s format (Sv32 or Sv39) with 4 KiB leaves, as the
/// privileged specification's section 4.3.2 walks it: a virtual address's VPN[i] indexes the level-i table, from
/// the root (level LEVELS-1) down; an entry with R, W or X set is a leaf, one with none points to the next table.
/// Leaves are made with A set, and D set when writable: the kernel never relies on the hardware to update them
/// (4.3.1 lets an implementation fault instead), and nothing here pages out.
/// The tables' memory comes from <typeparamref name="TMemory"/>; this code only writes entries: making the
/// changes visible to the hart (sfence.vma) is the caller's (<c>Kernel.Memory.KernelAddressSpace</c>).
/// </summary>
public unsafe struct PageTable<TMode, TMemory>
    where TMode : struct, IPagingMode
    where TMemory : struct, IPageTableMemory
{
    public const ulong PageSize = 4096;
    const int PageShift = 12;

    TMode _mode;
    TMemory _memory;
    ulong _root;

    /// <summary>The physical address of the root table (what satp points to).</summary>
    public readonly ulong Root => _root;

    /// <summary>The satp value for this table (ASID 0).</summary>
    public readonly ulong Satp => _mode.Satp(_root >> PageShift);

    /// <summary>An empty tree: a zeroed root page. False when there is no memory for it.</summary>
    public static bool TryCreate(TMemory memory, out PageTable<TMode, TMemory> table)
    {
        table = default;
        table._mode = default;
        table._memory = memory;
        table._root = memory.AllocatePage();
        return table._root != 0;
    }

    /// <summary>The tree whose root table is at <paramref name="root"/> (made by <see cref="TryCreate"/> or
    /// <see cref="TryCreateSharing"/> earlier).</summary>
    public static PageTable<TMode, TMemory> FromRoot(TMemory memory, ulong root)
    {
        PageTable<TMode, TMemory> table = default;
        table._mode = default;
        table._memory = memory;
        table._root = root;
        return table;
    }

    /// <summary>
    /// A tree for a process (kernel/Processes/README.md): it maps everything <paramref name="shared"/> maps, outside
    /// the private range [<paramref name="privateStart"/>, <paramref name="privateEnd"/>), by pointing at
    /// <paramref name="shared"/>'s own tables; only the tables on the way to the private range are new (copies of
    /// <paramref name="shared"/>'s entries), so <see cref="Map"/> in that range never writes a shared table. False
    /// (nothing kept) when memory runs out. <see cref="FreePrivate"/> undoes it.
    /// </summary>
    public static bool TryCreateSharing(TMemory memory, in PageTable<TMode, TMemory> shared, ulong privateStart, ulong privateEnd,
        out PageTable<TMode, TMemory> table)
    {
        if (!TryCreate(memory, out table))
        {
            return false;
        }

        if (!table.CopyLevel(table._root, shared._root, table._mode.Levels - 1, 0, privateStart, privateEnd))
        {
            table.FreePrivate(privateStart, privateEnd);
            table = default;
            return false;
        }

        return true;
    }

    bool CopyLevel(ulong destination, ulong source, int level, ulong baseAddress, ulong privateStart, ulong privateEnd)
    {
        byte* to = _memory.Access(destination);
        byte* from = _memory.Access(source);
        int entries = 1 << _mode.VpnBits;
        ulong span = 1UL << (PageShift + level * _mode.VpnBits);
        for (int i = 0; i < entries; i++)
        {
            ulong entry = _mode.Read(from, i);
            if ((entry & (ulong)PteFlags.V) == 0)
            {
                continue;
            }

            ulong start = baseAddress + (ulong)i * span;
            bool overlaps = start < privateEnd && start + span > privateStart;
            if (!overlaps || level == 0 || (entry & (ulong)PteFlags.Rwx) != 0)
            {
                // Shared: the same next-level table (or leaf) as the source's.
                _mode.Write(to, i, entry);
                continue;
            }

            ulong copy = _memory.AllocatePage();
            if (copy == 0)
            {
                return false;
            }

            _mode.Write(to, i, _mode.Make(copy >> PageShift, PteFlags.V));
            if (!CopyLevel(copy, _mode.PpnOf(entry) << PageShift, level - 1, start, privateStart, privateEnd))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gives back what <see cref="TryCreateSharing"/> and <see cref="Map"/> in the private range took: every
    /// page mapped there with U set, every table on the way to it, and the root. The shared tables stay. The tree is
    /// unusable afterwards. Returns how many user pages were freed.</summary>
    public int FreePrivate(ulong privateStart, ulong privateEnd)
    {
        if (_root == 0)
        {
            return 0;
        }

        int pages = FreeLevel(_root, _mode.Levels - 1, 0, privateStart, privateEnd);
        _memory.FreePage(_root);
        _root = 0;
        return pages;
    }

    int FreeLevel(ulong tableAddress, int level, ulong baseAddress, ulong privateStart, ulong privateEnd)
    {
        byte* table = _memory.Access(tableAddress);
        int entries = 1 << _mode.VpnBits;
        ulong span = 1UL << (PageShift + level * _mode.VpnBits);
        int pages = 0;
        for (int i = 0; i < entries; i++)
        {
            ulong entry = _mode.Read(table, i);
            ulong start = baseAddress + (ulong)i * span;
            if ((entry & (ulong)PteFlags.V) == 0 || !(start < privateEnd && start + span > privateStart))
            {
                continue;
            }

            ulong next = _mode.PpnOf(entry) << PageShift;
            if ((entry & (ulong)PteFlags.Rwx) == 0 && level > 0)
            {
                pages += FreeLevel(next, level - 1, start, privateStart, privateEnd);
                _memory.FreePage(next);
            }
            else if (level == 0 && (entry & (ulong)PteFlags.U) != 0)
            {
                _memory.FreePage(next);
                pages++;
            }

            _mode.Write(table, i, 0);
        }

        return pages;
    }

    /// <summary>Maps the page at <paramref name="virtualAddress"/> to the page at <paramref name="physical"/> with
    /// <paramref name="permissions"/> (R, W, X and optionally U, G). Refuses (and changes nothing) a misaligned or
    /// out-of-range address, bad permissions, or a page already mapped.</summary>
    public MapError Map(ulong virtualAddress, ulong physical, PteFlags permissions)
    {
        MapError check = Check(virtualAddress, physical, permissions);
        if (check != MapError.None)
        {
            return check;
        }

        byte* table = _memory.Access(_root);
        for (int level = _mode.Levels - 1; level > 0; level--)
        {
            int index = Index(virtualAddress, level);
            ulong entry = _mode.Read(table, index);
            if ((entry & (ulong)PteFlags.V) == 0)
            {
                ulong next = _memory.AllocatePage();
                if (next == 0)
                {
                    return MapError.OutOfMemory;
                }

                // A pointer: V alone (R = W = X = 0; A, D and U are reserved to be zero in non-leaf entries).
                _mode.Write(table, index, _mode.Make(next >> PageShift, PteFlags.V));
                entry = _mode.Read(table, index);
            }
            else if ((entry & (ulong)PteFlags.Rwx) != 0)
            {
                // A superpage covers it: already mapped (this code makes none, but a caller's tree might).
                return MapError.AlreadyMapped;
            }

            table = _memory.Access(_mode.PpnOf(entry) << PageShift);
        }

        int leaf = Index(virtualAddress, 0);
        if ((_mode.Read(table, leaf) & (ulong)PteFlags.V) != 0)
        {
            return MapError.AlreadyMapped;
        }

        PteFlags flags = permissions | PteFlags.V | PteFlags.A;
        if ((permissions & PteFlags.W) != 0)
        {
            flags |= PteFlags.D;
        }

        _mode.Write(table, leaf, _mode.Make(physical >> PageShift, flags));
        return MapError.None;
    }

    /// <summary>Maps <paramref name="size"/> bytes page by page (<see cref="Map"/>); stops at the first refusal
    /// (the pages before it stay mapped) and returns it.</summary>
    public MapError MapRange(ulong virtualAddress, ulong physical, ulong size, PteFlags permissions)
    {
        if ((size & (PageSize - 1)) != 0)
        {
            return MapError.Misaligned;
        }

        for (ulong offset = 0; offset < size; offset += PageSize)
        {
            MapError error = Map(virtualAddress + offset, physical + offset, permissions);
            if (error != MapError.None)
            {
                return error;
            }
        }

        return MapError.None;
    }

    /// <summary>The physical address <paramref name="virtualAddress"/> maps to, and its leaf's flags; false when
    /// it is not mapped (or not a canonical address of the mode).</summary>
    public readonly bool Translate(ulong virtualAddress, out ulong physical, out PteFlags flags)
    {
        physical = 0;
        flags = PteFlags.None;
        if (!IsCanonical(virtualAddress))
        {
            return false;
        }

        byte* table = _memory.Access(_root);
        for (int level = _mode.Levels - 1; level >= 0; level--)
        {
            ulong entry = _mode.Read(table, Index(virtualAddress, level));
            if ((entry & (ulong)PteFlags.V) == 0)
            {
                return false;
            }

            if ((entry & (ulong)PteFlags.Rwx) != 0)
            {
                // A leaf at level i maps 2^(12 + i * VpnBits) bytes.
                int span = PageShift + level * _mode.VpnBits;
                ulong offsetMask = (1UL << span) - 1;
                physical = (_mode.PpnOf(entry) << PageShift & ~offsetMask) | (virtualAddress & offsetMask);
                flags = (PteFlags)(entry & (ulong)PteFlags.All);
                return true;
            }

            table = _memory.Access(_mode.PpnOf(entry) << PageShift);
        }

        return false;
    }

    /// <summary>Removes the 4 KiB mapping of <paramref name="virtualAddress"/> and gives back every table left empty
    /// by it; false (nothing changed) when the page is not mapped by a 4 KiB leaf.</summary>
    public bool Unmap(ulong virtualAddress, out ulong physical)
    {
        physical = 0;
        if ((virtualAddress & (PageSize - 1)) != 0 || !IsCanonical(virtualAddress))
        {
            return false;
        }

        // The tables on the way down, root first: at most three (Sv39).
        ulong path0 = _root, path1 = 0, path2 = 0;
        byte* table = _memory.Access(_root);
        for (int level = _mode.Levels - 1; level > 0; level--)
        {
            ulong entry = _mode.Read(table, Index(virtualAddress, level));
            if ((entry & (ulong)PteFlags.V) == 0 || (entry & (ulong)PteFlags.Rwx) != 0)
            {
                return false;
            }

            ulong next = _mode.PpnOf(entry) << PageShift;
            if (path1 == 0)
            {
                path1 = next;
            }
            else
            {
                path2 = next;
            }

            table = _memory.Access(next);
        }

        int leaf = Index(virtualAddress, 0);
        ulong leafEntry = _mode.Read(table, leaf);
        if ((leafEntry & (ulong)PteFlags.V) == 0)
        {
            return false;
        }

        physical = _mode.PpnOf(leafEntry) << PageShift;
        _mode.Write(table, leaf, 0);

        // Free the tables that became empty, deepest first; the root stays.
        int levels = _mode.Levels;
        for (int level = 1; level < levels; level++)
        {
            ulong child = level == 1 ? (levels == 3 ? path2 : path1) : path1;
            ulong parent = level == levels - 1 ? path0 : path1;
            if (!IsEmpty(_memory.Access(child)))
            {
                break;
            }

            _mode.Write(_memory.Access(parent), Index(virtualAddress, level), 0);
            _memory.FreePage(child);
        }

        return true;
    }

    readonly MapError Check(ulong virtualAddress, ulong physical, PteFlags permissions)
    {
        if ((virtualAddress & (PageSize - 1)) != 0 || (physical & (PageSize - 1)) != 0)
        {
            return MapError.Misaligned;
        }

        if (!IsCanonical(virtualAddress) || (physical >> _mode.PhysicalBits) != 0)
        {
            return MapError.OutOfRange;
        }

        if ((permissions & ~(PteFlags.Rwx | PteFlags.U | PteFlags.G)) != 0
            || (permissions & PteFlags.Rwx) == 0
            || (permissions & (PteFlags.R | PteFlags.W)) == PteFlags.W)
        {
            return MapError.BadPermissions;
        }

        return MapError.None;
    }

    /// <summary>Sv39: bits 63-39 equal bit 38 (4.4.1); Sv32: every 32-bit address.</summary>
    readonly bool IsCanonical(ulong virtualAddress)
    {
        int bits = _mode.VirtualBits;
        if (bits >= 64 || _mode.Levels == 2)
        {
            return (virtualAddress >> 32) == 0;
        }

        ulong top = virtualAddress >> (bits - 1);
        return top == 0 || top == (ulong.MaxValue >> (bits - 1));
    }

    readonly int Index(ulong virtualAddress, int level)
        => (int)((virtualAddress >> (PageShift + level * _mode.VpnBits)) & ((1UL << _mode.VpnBits) - 1));

    readonly bool IsEmpty(byte* table)
    {
        int entries = 1 << _mode.VpnBits;
        for (int i = 0; i < entries; i++)
        {
            if (_mode.Read(table, i) != 0)
            {
                return false;
            }
        }

        return true;
    }
}
