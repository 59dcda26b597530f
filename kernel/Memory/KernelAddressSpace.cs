namespace Kernel.Memory;

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.RiscV;
using Internal.Runtime;
using Kernel.Memory.Paging;
using Kernel.Output;

/// <summary>
/// The kernel's one address space (kernel/README.md, "Memory map"): Sv39 on rv64, Sv32 on rv32, every mapping
/// at its physical address (identity), with the least rights each part needs: the image's text R|X, rodata R,
/// data, bss and stacks R|W (their guard pages unmapped); the free RAM R|W; the device-tree blob R; the UART, the
/// PLIC and each virtio-mmio window R|W. Nothing else: the firmware's RAM below the kernel, the CLINT, the test
/// device, address 0 all fault. Every mapping is global (G): there is one address space.
/// </summary>
public static unsafe class KernelAddressSpace
{
    const ulong PageSize = PageTable<Sv39, KernelPageTableMemory>.PageSize;

    static PageTable<Sv39, KernelPageTableMemory> s_sv39;
    static PageTable<Sv32, KernelPageTableMemory> s_sv32;
    static bool s_enabled;
    static ulong s_ramStart;
    static ulong s_ramEnd;

    /// <summary>"Sv39" (rv64) or "Sv32" (rv32).</summary>
    public static string ModeName => RuntimeInformation.Arch == TargetArch.RiscV32 ? "Sv32" : "Sv39";

    public static bool Enabled => s_enabled;

    /// <summary>An empty root table and the RAM window <see cref="ToPhysical"/> translates by a constant offset
    /// (0: RAM is mapped at its own address). False: no memory for the root.</summary>
    public static bool Create(ulong ramStart, ulong ramEnd)
    {
        s_ramStart = ramStart;
        s_ramEnd = ramEnd;
        return RuntimeInformation.Arch == TargetArch.RiscV32
            ? PageTable<Sv32, KernelPageTableMemory>.TryCreate(default, out s_sv32)
            : PageTable<Sv39, KernelPageTableMemory>.TryCreate(default, out s_sv39);
    }

    /// <summary>Maps [<paramref name="start"/>, <paramref name="end"/>) rounded out to pages at its own address;
    /// prints <c>paging: error: ...</c> naming <paramref name="what"/> and returns false on a refusal.</summary>
    public static bool MapIdentity(ulong start, ulong end, PteFlags permissions, string what)
    {
        ulong first = start & ~(PageSize - 1);
        ulong last = (end + PageSize - 1) & ~(PageSize - 1);
        MapError error = MapError.None;
        for (ulong page = first; page < last && error == MapError.None; page += PageSize)
        {
            error = Map(page, permissions | PteFlags.G);
        }

        if (error != MapError.None)
        {
            Print.Text("paging: error: cannot map ");
            Print.Text(what);
            Print.Text(" at ");
            Print.Hex(start);
            Print.Text(": ");
            Print.Line(Describe(error));
            return false;
        }

        return true;
    }

    /// <summary>The image, section by section (the guard pages left out).</summary>
    public static bool MapKernelImage(in KernelLayout layout)
    {
        if (!MapIdentity(layout.TextStart, layout.TextEnd, PteFlags.R | PteFlags.X, "the kernel's text")
            || !MapIdentity(layout.RodataStart, layout.RodataEnd, PteFlags.R, "the kernel's rodata"))
        {
            return false;
        }

        for (nuint page = layout.DataStart; page < layout.DataEnd; page += (nuint)PageSize)
        {
            if (!layout.IsGuardPage(page) && !MapIdentity(page, page + PageSize, PteFlags.R | PteFlags.W, "the kernel's data"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The physical address of the kernel's root table (processes share its tables:
    /// <c>Kernel.Processes.UserAddressSpace</c>).</summary>
    public static ulong Root => RuntimeInformation.Arch == TargetArch.RiscV32 ? s_sv32.Root : s_sv39.Root;

    /// <summary>The satp value of a tree of this arch's mode with its root at <paramref name="root"/>.</summary>
    public static nuint SatpFor(ulong root) => (nuint)(RuntimeInformation.Arch == TargetArch.RiscV32
        ? PageTable<Sv32, KernelPageTableMemory>.FromRoot(default, root).Satp
        : PageTable<Sv39, KernelPageTableMemory>.FromRoot(default, root).Satp);

    /// <summary>Makes the tree at <paramref name="root"/> the hart's (satp), with the fences of <see cref="Enable"/>:
    /// the user mappings are not global, and every tree uses ASID 0.</summary>
    public static void Activate(ulong root)
    {
        rvc_sfence_vma();
        Rv.WriteCsr(Csr.Satp, SatpFor(root));
        rvc_sfence_vma();
    }

    /// <summary>Turns translation on: satp = the mode and the root, with sfence.vma before (the table writes are
    /// ordered before any walk) and after (no translation cached from before; privileged specification 4.2.1).
    /// False when the hart kept satp's MODE at Bare (the mode is not implemented).</summary>
    public static bool Enable()
    {
        ulong satp = RuntimeInformation.Arch == TargetArch.RiscV32 ? s_sv32.Satp : s_sv39.Satp;
        rvc_sfence_vma();
        Rv.WriteCsr(Csr.Satp, (nuint)satp);
        rvc_sfence_vma();
        s_enabled = Rv.ReadCsr(Csr.Satp) == (nuint)satp;
        return s_enabled;
    }

    /// <summary>The physical address of <paramref name="virtualAddress"/>: in the RAM window, the same address
    /// (RAM is mapped at its own address: a constant offset of 0, no walk); elsewhere the page tables' answer.
    /// An unmapped address is a bug in the caller: it panics. Inlined into the drivers' request paths; the walk is a
    /// call of its own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ToPhysical(nuint virtualAddress)
    {
        ulong address = virtualAddress;
        if (!s_enabled || address - s_ramStart < s_ramEnd - s_ramStart)
        {
            return address;
        }

        return ToPhysicalByWalk(address);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static ulong ToPhysicalByWalk(ulong address)
    {
        if (Translate(address, out ulong physical, out _))
        {
            return physical;
        }

        throw new InvalidOperationException("no physical address: the virtual address is not mapped");
    }

    public static bool Translate(ulong virtualAddress, out ulong physical, out PteFlags flags)
        => RuntimeInformation.Arch == TargetArch.RiscV32
            ? s_sv32.Translate(virtualAddress, out physical, out flags)
            : s_sv39.Translate(virtualAddress, out physical, out flags);

    /// <summary>Removes one page's mapping (and the tables it leaves empty) and flushes its translation.</summary>
    public static bool Unmap(nuint page)
    {
        bool done = RuntimeInformation.Arch == TargetArch.RiscV32
            ? s_sv32.Unmap(page, out _)
            : s_sv39.Unmap(page, out _);
        if (done && s_enabled)
        {
            rvc_sfence_vma_page((void*)page);
        }

        return done;
    }

    static MapError Map(ulong page, PteFlags permissions)
    {
        MapError error = RuntimeInformation.Arch == TargetArch.RiscV32
            ? s_sv32.Map(page, page, permissions)
            : s_sv39.Map(page, page, permissions);
        if (error == MapError.None && s_enabled)
        {
            // An invalid entry may be cached (4.2.1): a new mapping needs the fence too.
            rvc_sfence_vma_page((void*)(nuint)page);
        }

        return error;
    }

    static string Describe(MapError error) => error switch
    {
        MapError.Misaligned => "not page-aligned",
        MapError.OutOfRange => "outside the mode's addresses",
        MapError.AlreadyMapped => "already mapped",
        MapError.BadPermissions => "bad permissions",
        MapError.OutOfMemory => "no memory for a page table",
        _ => "refused",
    };

    // entry.S.
    [DllImport("*")]
    private static extern void rvc_sfence_vma();

    [DllImport("*")]
    private static extern void rvc_sfence_vma_page(void* page);
}
