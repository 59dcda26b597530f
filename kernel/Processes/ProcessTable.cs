namespace Kernel.Processes;

using System.Runtime.CompilerServices;
using Kernel.Memory;
using UserAbi;

/// <summary>
/// The process table (README.md): <see cref="Capacity"/> slots, each with a kernel stack of its own set aside at boot
/// (as xv6's procinit does), with an unmapped guard page below it so an overflow faults instead of writing into the
/// next slot's stack. Pids count up from 1 and are never reused during a boot.
/// </summary>
public static unsafe class ProcessTable
{
    public const int Capacity = 16;

    /// <summary>Each slot's kernel stack: 16 KiB (the system calls' deepest path, the block driver's, fits with room).</summary>
    public const nuint KernelStackSize = 16 * 1024;

    const nuint PageSize = 4096;

    static Slots s_slots;
    static int s_nextPid;
    static bool s_ready;

    /// <summary>Sets the kernel stacks aside (one guard page and the stack per slot, from the page allocator, the
    /// guard unmapped in the kernel's tables). False when memory runs out.</summary>
    public static bool Initialize()
    {
        nuint bytes = Capacity * (KernelStackSize + PageSize);
        byte* pool = (byte*)default(PageAllocator).AllocateZeroed(bytes, PageSize);
        if (pool == null)
        {
            return false;
        }

        for (int i = 0; i < Capacity; i++)
        {
            nuint guard = (nuint)pool + (nuint)i * (KernelStackSize + PageSize);
            KernelAddressSpace.Unmap(guard);
            s_slots[i] = default;
            s_slots[i].KernelStackTop = guard + PageSize + KernelStackSize;
        }

        s_nextPid = 1;
        s_ready = true;
        return true;
    }

    public static bool IsReady => s_ready;

    public static ref Process At(int slot) => ref s_slots[slot];

    /// <summary>An unused slot, now <see cref="ProcessState.Runnable"/>'s predecessor with a fresh pid; -1 when full.</summary>
    public static int Allocate()
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (s_slots[i].State == ProcessState.Unused)
            {
                nuint top = s_slots[i].KernelStackTop;
                s_slots[i] = default;
                s_slots[i].KernelStackTop = top;
                s_slots[i].Pid = s_nextPid++;
                return i;
            }
        }

        return -1;
    }

    /// <summary>The slot of process <paramref name="pid"/>, -1 when there is none.</summary>
    public static int Find(int pid)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (s_slots[i].State != ProcessState.Unused && s_slots[i].Pid == pid)
            {
                return i;
            }
        }

        return -1;
    }

    [InlineArray(Capacity)]
    struct Slots
    {
        Process _first;
    }
}
