namespace Kernel.Processes;

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.RiscV;
using Internal.Runtime;
using Kernel.Memory;
using Kernel.Memory.Paging;

/// <summary>
/// Copies between the kernel and the current process's user memory, after <see cref="UserRangeCheck"/> on the
/// process's own tables. sstatus.SUM (S-mode may touch U pages, privileged specification 4.1.1.2) is set only for the
/// copy itself: anywhere else a kernel access to a user page faults, as it should.
/// </summary>
public static unsafe class UserMemory
{
    const nuint SstatusSum = 1 << 18;

    /// <summary>Whether the current process may have the kernel read (or write: <paramref name="write"/>) there.</summary>
    public static bool IsAccessible(nuint address, nuint length, bool write)
    {
        ulong root = Scheduler.Current.PageTable;
        return RuntimeInformation.Arch == TargetArch.RiscV32
            ? UserRangeCheck.IsAccessible(PageTable<Sv32, KernelPageTableMemory>.FromRoot(default, root), address, length, write,
                UserAddressSpace.UserStart, UserAddressSpace.UserEnd)
            : UserRangeCheck.IsAccessible(PageTable<Sv39, KernelPageTableMemory>.FromRoot(default, root), address, length, write,
                UserAddressSpace.UserStart, UserAddressSpace.UserEnd);
    }

    /// <summary>Copies <paramref name="length"/> bytes from user <paramref name="source"/>; false (nothing copied) when
    /// the range is not readable user memory.</summary>
    public static bool CopyIn(void* destination, nuint source, nuint length)
    {
        if (!IsAccessible(source, length, write: false))
        {
            return false;
        }

        Rv.SetCsr(Csr.Sstatus, SstatusSum);
        Unsafe.CopyBlock(destination, (void*)source, (uint)length);
        Rv.ClearCsr(Csr.Sstatus, SstatusSum);
        return true;
    }

    /// <summary>Copies <paramref name="length"/> bytes to user <paramref name="destination"/>; false (nothing copied)
    /// when the range is not writable user memory.</summary>
    public static bool CopyOut(nuint destination, void* source, nuint length)
    {
        if (!IsAccessible(destination, length, write: true))
        {
            return false;
        }

        Rv.SetCsr(Csr.Sstatus, SstatusSum);
        Unsafe.CopyBlock((void*)destination, source, (uint)length);
        Rv.ClearCsr(Csr.Sstatus, SstatusSum);
        return true;
    }
}
