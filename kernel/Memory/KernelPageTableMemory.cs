namespace Kernel.Memory;

using Kernel.Memory.Paging;

/// <summary>The kernel's page tables live in pages of the <see cref="PageAllocator"/>; RAM is mapped at its own
/// address (<see cref="KernelAddressSpace"/>), so a table's physical address is also the pointer to it, before
/// paging is on and after.</summary>
public unsafe struct KernelPageTableMemory : IPageTableMemory
{
    public readonly ulong AllocatePage() => (ulong)(nuint)PageAllocator.AllocatePage();

    public readonly void FreePage(ulong physical) => PageAllocator.FreePage((void*)(nuint)physical);

    public readonly byte* Access(ulong physical) => (byte*)(nuint)physical;
}
