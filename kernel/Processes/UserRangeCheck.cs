namespace Kernel.Processes;

using Kernel.Memory.Paging;

/// <summary>
/// The check every system call makes before the kernel touches user memory (README.md, "System calls"): the whole
/// range [address, address + length) must lie in the user range and every page of it be mapped in the process's
/// own tables with U and R set, and W too when the kernel writes there. An empty range is fine; a range that wraps
/// is not. Pure: runs on the host over a test tree (tests/Paging.Tests).
/// </summary>
public static class UserRangeCheck
{
    public static bool IsAccessible<TMode, TMemory>(in PageTable<TMode, TMemory> table, ulong address, ulong length, bool write,
        ulong userStart, ulong userEnd)
        where TMode : struct, IPagingMode
        where TMemory : struct, IPageTableMemory
    {
        if (length == 0)
        {
            return true;
        }

        if (address < userStart || address >= userEnd || length > userEnd - address)
        {
            return false;
        }

        PteFlags needed = PteFlags.V | PteFlags.U | PteFlags.R | (write ? PteFlags.W : PteFlags.None);
        ulong end = address + length;
        for (ulong page = address & ~(PageTable<TMode, TMemory>.PageSize - 1); page < end; page += PageTable<TMode, TMemory>.PageSize)
        {
            if (!table.Translate(page, out _, out PteFlags flags) || (flags & needed) != needed)
            {
                return false;
            }
        }

        return true;
    }
}
