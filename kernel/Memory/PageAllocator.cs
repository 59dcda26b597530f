namespace Kernel.Memory;

using System.Runtime.CompilerServices;
using Kernel.Drivers.Virtio;

/// <summary>
/// The free RAM between the end of the kernel image and the end of memory (less what the device tree reserves):
/// a bump allocator for the drivers' queues and buffers (any size, allocated once at start-up), and whole pages
/// (<see cref="AllocatePage"/>, <see cref="FreePage"/>: the page tables) that can be given back: a freed page goes
/// on a free list, linked through its first word, and is handed out again before the bump pointer moves.
/// The struct is empty and the state is static, because the driver receives it by value as a generic struct
/// parameter (<see cref="IDmaMemory"/>): every copy must share the one free range.
/// </summary>
public unsafe struct PageAllocator : IDmaMemory
{
    public const nuint PageSize = 4096;

    // The free range is [s_next, s_limit); both zero until Initialize. s_base: where it started (a freed page must
    // lie in [s_base, s_next)). s_freePages: the first freed page, 0 when none.
    private static nuint s_next;
    private static nuint s_limit;
    private static nuint s_base;
    private static nuint s_freePages;
    private static nuint s_freeCount;

    /// <summary>Starts handing out [<paramref name="start"/>, <paramref name="end"/>), shrunk to whole pages.</summary>
    public static void Initialize(nuint start, nuint end)
    {
        s_next = AlignUp(start, PageSize);
        s_limit = end & ~(PageSize - 1);
        if (s_next == 0 || s_next > s_limit)
        {
            // start was within a page of the top of the address space, or past end: nothing to hand out.
            s_next = 0;
            s_limit = 0;
        }

        s_base = s_next;
        s_freePages = 0;
        s_freeCount = 0;
    }

    /// <summary>
    /// Takes [<paramref name="start"/>, <paramref name="start"/> + <paramref name="size"/>) out of the free range
    /// (the device tree blob, a /memreserve/ entry). The range stays one piece: a hole in the middle keeps the
    /// part below it, which is where the kernel's image ends.
    /// </summary>
    public static void Reserve(ulong start, ulong size)
    {
        ulong end = start + size < start ? ulong.MaxValue : start + size;
        if (size == 0 || end <= s_next || start >= s_limit)
        {
            return;
        }

        if (start > s_next)
        {
            s_limit = (nuint)start & ~(PageSize - 1);
        }
        else
        {
            s_next = end >= s_limit ? s_limit : AlignUp((nuint)end, PageSize);
        }
    }

    /// <summary>The first free byte (the next allocation starts at or after it).</summary>
    public static nuint FreeStart => s_next;

    /// <summary>The end of the free range.</summary>
    public static nuint FreeEnd => s_limit;

    /// <summary>The bytes still free.</summary>
    public static nuint FreeBytes => s_limit - s_next;

    public void* AllocateZeroed(nuint bytes, nuint alignment)
    {
        if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > PageSize)
        {
            return null;
        }

        nuint start = AlignUp(s_next, alignment);
        if (start < s_next || start > s_limit || bytes > s_limit - start)
        {
            return null;
        }

        s_next = start + bytes;
        // Free RAM holds whatever the previous boot left there: devices must see zeroes (ring indexes, flags).
        byte* memory = (byte*)start;
        while (bytes > 0)
        {
            uint chunk = bytes > 0x4000_0000 ? 0x4000_0000u : (uint)bytes;
            Unsafe.InitBlock(memory, 0, chunk);
            memory += chunk;
            bytes -= chunk;
        }

        return (void*)start;
    }

    /// <summary>Pages on the free list.</summary>
    public static nuint FreePageCount => s_freeCount;

    /// <summary>A zeroed 4 KiB page: a freed one if any, else the next from the free range; null when none is left.</summary>
    public static void* AllocatePage()
    {
        if (s_freePages != 0)
        {
            nuint page = s_freePages;
            s_freePages = *(nuint*)page;
            s_freeCount--;
            Unsafe.InitBlock((void*)page, 0, (uint)PageSize);
            return (void*)page;
        }

        return default(PageAllocator).AllocateZeroed(PageSize, PageSize);
    }

    /// <summary>Gives back a page <see cref="AllocatePage"/> returned; false (nothing done) for an address that is
    /// not a page of the range handed out so far, or a page already on the free list.</summary>
    public static bool FreePage(void* pointer)
    {
        nuint page = (nuint)pointer;
        if ((page & (PageSize - 1)) != 0 || page < s_base || page >= s_next)
        {
            return false;
        }

        for (nuint free = s_freePages; free != 0; free = *(nuint*)free)
        {
            if (free == page)
            {
                return false;
            }
        }

        *(nuint*)page = s_freePages;
        s_freePages = page;
        s_freeCount++;
        return true;
    }

    /// <summary>The device's address for <paramref name="pointer"/>: its physical address (there is no IOMMU), from
    /// the kernel's page tables (<see cref="KernelAddressSpace.ToPhysical"/>: a constant offset in the linear RAM
    /// window, so no walk on the driver's path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong BusAddress(void* pointer) => KernelAddressSpace.ToPhysical((nuint)pointer);

    // Wraps to 0 at the top of the address space; callers compare with the input.
    private static nuint AlignUp(nuint value, nuint alignment) => (value + alignment - 1) & ~(alignment - 1);
}
