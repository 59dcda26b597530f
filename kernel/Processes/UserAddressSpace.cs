namespace Kernel.Processes;

using Internal.Runtime;
using Kernel.Memory;
using Kernel.Memory.Paging;

/// <summary>
/// A process's page tables (README.md, "Memory"): the kernel's mappings, shared (S-only: no U bit, so user code
/// cannot touch them), and the user range [<see cref="UserStart"/>, <see cref="UserEnd"/>), private, where the
/// program's pages are mapped with U set. As the book does, the kernel (and its virtio windows) stay mapped while a
/// process runs, so a trap needs no switch of satp. Sv39 on rv64, Sv32 on rv32, chosen at compile time.
/// </summary>
public static class UserAddressSpace
{
    /// <summary>Where user programs are linked (user/Runtime/user.ld), as the book's are.</summary>
    public const ulong UserStart = 0x100_0000;

    /// <summary>The end of the user range: 16 MiB for text, data, bss and stack.</summary>
    public const ulong UserEnd = 0x200_0000;

    public const ulong PageSize = 4096;

    static bool IsRv32 => RuntimeInformation.Arch == TargetArch.RiscV32;

    /// <summary>A new tree sharing the kernel's; 0 when memory ran out.</summary>
    public static ulong Create()
    {
        if (IsRv32)
        {
            var kernel = PageTable<Sv32, KernelPageTableMemory>.FromRoot(default, KernelAddressSpace.Root);
            return PageTable<Sv32, KernelPageTableMemory>.TryCreateSharing(default, kernel, UserStart, UserEnd, out var table) ? table.Root : 0;
        }
        else
        {
            var kernel = PageTable<Sv39, KernelPageTableMemory>.FromRoot(default, KernelAddressSpace.Root);
            return PageTable<Sv39, KernelPageTableMemory>.TryCreateSharing(default, kernel, UserStart, UserEnd, out var table) ? table.Root : 0;
        }
    }

    /// <summary>Maps one user page (U is added to <paramref name="rights"/>); refuses anything outside the user range.</summary>
    public static MapError MapUserPage(ulong root, ulong virtualAddress, ulong physical, PteFlags rights)
    {
        if (virtualAddress < UserStart || virtualAddress >= UserEnd)
        {
            return MapError.OutOfRange;
        }

        if (IsRv32)
        {
            var table = PageTable<Sv32, KernelPageTableMemory>.FromRoot(default, root);
            return table.Map(virtualAddress, physical, rights | PteFlags.U);
        }
        else
        {
            var table = PageTable<Sv39, KernelPageTableMemory>.FromRoot(default, root);
            return table.Map(virtualAddress, physical, rights | PteFlags.U);
        }
    }

    public static bool Translate(ulong root, ulong virtualAddress, out ulong physical, out PteFlags flags)
    {
        if (IsRv32)
        {
            return PageTable<Sv32, KernelPageTableMemory>.FromRoot(default, root).Translate(virtualAddress, out physical, out flags);
        }

        return PageTable<Sv39, KernelPageTableMemory>.FromRoot(default, root).Translate(virtualAddress, out physical, out flags);
    }

    /// <summary>Gives back the process's pages and its own tables; returns how many user pages there were.</summary>
    public static int Destroy(ulong root)
    {
        if (root == 0)
        {
            return 0;
        }

        if (IsRv32)
        {
            var table = PageTable<Sv32, KernelPageTableMemory>.FromRoot(default, root);
            return table.FreePrivate(UserStart, UserEnd);
        }
        else
        {
            var table = PageTable<Sv39, KernelPageTableMemory>.FromRoot(default, root);
            return table.FreePrivate(UserStart, UserEnd);
        }
    }
}
