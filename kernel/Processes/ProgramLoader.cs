namespace Kernel.Processes;

using System;
using Internal.Runtime;
using Kernel.Memory;
using Kernel.Memory.Paging;

/// <summary>
/// Maps an embedded program into a new address space: each PT_LOAD segment page by page into fresh zeroed pages,
/// the file's bytes copied in, with U set and the segment's own rights (R, W, X from p_flags; W alone gets R too).
/// Two segments that share a page are refused (user/Runtime/user.ld starts every section on a page).
/// </summary>
public static unsafe class ProgramLoader
{
    const ulong PageSize = UserAddressSpace.PageSize;

    /// <summary>Loads <paramref name="file"/> into the tree at <paramref name="root"/>; null and the entry point, or
    /// why not (the pages mapped so far stay in the tree: <see cref="UserAddressSpace.Destroy"/> frees them).</summary>
    public static string? Load(ulong root, ReadOnlySpan<byte> file, out ulong entry)
    {
        entry = 0;
        bool want64 = RuntimeInformation.Arch != TargetArch.RiscV32;
        string? error = ElfImage.TryOpen(file, want64, UserAddressSpace.UserStart, UserAddressSpace.UserEnd, out ElfImage image);
        if (error != null)
        {
            return error;
        }

        for (int i = 0; i < image.SegmentCount; i++)
        {
            if (!image.TryGetLoad(i, out ElfSegment segment))
            {
                continue;
            }

            PteFlags rights = PteFlags.None;
            if ((segment.Flags & ElfImage.PfR) != 0 || (segment.Flags & ElfImage.PfW) != 0)
            {
                rights |= PteFlags.R;
            }

            if ((segment.Flags & ElfImage.PfW) != 0)
            {
                rights |= PteFlags.W;
            }

            if ((segment.Flags & ElfImage.PfX) != 0)
            {
                rights |= PteFlags.X;
            }

            if (rights == PteFlags.None)
            {
                return "a segment with no rights";
            }

            ulong first = segment.VirtualAddress & ~(PageSize - 1);
            ulong end = segment.VirtualAddress + segment.MemorySize;
            for (ulong page = first; page < end; page += PageSize)
            {
                byte* memory = (byte*)PageAllocator.AllocatePage();
                if (memory == null)
                {
                    return "out of memory";
                }

                // The part of the file's bytes that lands in this page.
                ulong fileStart = segment.VirtualAddress;
                ulong fileEnd = segment.VirtualAddress + segment.FileSize;
                ulong from = page > fileStart ? page : fileStart;
                ulong to = page + PageSize < fileEnd ? page + PageSize : fileEnd;
                if (from < to)
                {
                    ReadOnlySpan<byte> bytes = image.Bytes(segment.Offset + (from - fileStart), to - from);
                    bytes.CopyTo(new Span<byte>(memory + (from - page), (int)(to - from)));
                }

                MapError mapped = UserAddressSpace.MapUserPage(root, page, (ulong)(nuint)memory, rights);
                if (mapped != MapError.None)
                {
                    PageAllocator.FreePage(memory);
                    return mapped == MapError.AlreadyMapped ? "two segments share a page" : "a page could not be mapped";
                }
            }
        }

        entry = image.Entry;
        return null;
    }
}
