namespace Kernel.Memory.Paging;

/// <summary>
/// Where a page table's own pages come from and how to reach them: the kernel's page allocator and its identity
/// mapping (<c>Kernel.Memory.KernelPageTableMemory</c>), or a block of host memory standing for physical RAM in the
/// host tests.
/// </summary>
public unsafe interface IPageTableMemory
{
    /// <summary>A zeroed 4 KiB page, by physical address; 0 when memory is exhausted.</summary>
    ulong AllocatePage();

    /// <summary>Gives back a page <see cref="AllocatePage"/> returned.</summary>
    void FreePage(ulong physical);

    /// <summary>A pointer through which the kernel reads and writes the page at <paramref name="physical"/>.</summary>
    byte* Access(ulong physical);
}
