namespace Kernel.Memory;

using System.Runtime.CompilerServices;
using Kernel.Drivers.Virtio;

/// <summary>
/// A bump allocator over the free RAM between the end of the kernel image and the end of memory (less what the
/// device tree reserves). Nothing is ever freed: the drivers allocate their queues and buffers once, at start-up.
/// The struct is empty and the state is static, because the driver receives it by value as a generic struct
/// parameter (<see cref="IDmaMemory"/>): every copy must share the one free range.
/// </summary>
public unsafe struct PageAllocator : IDmaMemory
{
    public const nuint PageSize = 4096;

    // The free range is [s_next, s_limit); both zero until Initialize.
    private static nuint s_next;
    private static nuint s_limit;

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

    /// <summary>There is no MMU and no IOMMU: devices see physical addresses, and pointers are physical.</summary>
    public ulong BusAddress(void* pointer) => (ulong)(nuint)pointer;

    // Wraps to 0 at the top of the address space; callers compare with the input.
    private static nuint AlignUp(nuint value, nuint alignment) => (value + alignment - 1) & ~(alignment - 1);
}
