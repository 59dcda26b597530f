namespace Kernel.Memory.Paging.Tests;

/// <summary>
/// The privileged specification's "virtual address translation process" (1.12, section 4.3.2), written out step
/// by step from the text, independently of the kernel's PageTable: the reference the tests compare with.
/// </summary>
public static class ReferenceWalk
{
    public const ulong PageSize = 4096;

    /// <summary>Sv39: LEVELS = 3, PTESIZE = 8, VPN[i] = va[12 + 9i + 8 : 12 + 9i], PPN = pte[53:10].</summary>
    public static ulong? Sv39(HostRam ram, ulong satp, ulong va, out ulong pte)
    {
        pte = 0;
        if ((satp >> 60) != 8)
            return null;
        ulong a = (satp & ((1UL << 44) - 1)) * PageSize;
        for (int i = 2; i >= 0; i--)
        {
            ulong vpn = (va >> (12 + 9 * i)) & 0x1FF;
            pte = ram.Read64(a + vpn * 8);
            bool v = (pte & 1) != 0, r = (pte & 2) != 0, w = (pte & 4) != 0, x = (pte & 8) != 0;
            if (!v || (!r && w))
                return null;
            ulong ppn = (pte >> 10) & ((1UL << 44) - 1);
            if (r || x)
            {
                // A leaf at level i: the low i VPN fields come from the address (superpage).
                ulong mask = (1UL << (12 + 9 * i)) - 1;
                return (ppn * PageSize & ~mask) | (va & mask);
            }
            a = ppn * PageSize;
        }
        return null;
    }

    /// <summary>Sv32: LEVELS = 2, PTESIZE = 4, VPN[i] = va[12 + 10i + 9 : 12 + 10i], PPN = pte[31:10], 34-bit PA.</summary>
    public static ulong? Sv32(HostRam ram, ulong satp, ulong va, out uint pte)
    {
        pte = 0;
        if ((satp >> 31) != 1)
            return null;
        ulong a = (satp & ((1UL << 22) - 1)) * PageSize;
        for (int i = 1; i >= 0; i--)
        {
            ulong vpn = (va >> (12 + 10 * i)) & 0x3FF;
            pte = ram.Read32(a + vpn * 4);
            bool v = (pte & 1) != 0, r = (pte & 2) != 0, w = (pte & 4) != 0, x = (pte & 8) != 0;
            if (!v || (!r && w))
                return null;
            ulong ppn = pte >> 10;
            if (r || x)
            {
                ulong mask = (1UL << (12 + 10 * i)) - 1;
                return (ppn * PageSize & ~mask) | (va & mask);
            }
            a = ppn * PageSize;
        }
        return null;
    }
}
