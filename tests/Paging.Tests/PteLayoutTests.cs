using System.Runtime.CompilerServices;

namespace Kernel.Memory.Paging.Tests;

/// <summary>The entry formats against the privileged specification 1.12: figure 4.18 (Sv32) and figure 4.21 (Sv39).</summary>
public class PteLayoutTests
{
    [Fact]
    public void FlagBitsAreTheSpecificationsBitsZeroToSeven()
    {
        Assert.Equal(1u << 0, (uint)PteFlags.V);
        Assert.Equal(1u << 1, (uint)PteFlags.R);
        Assert.Equal(1u << 2, (uint)PteFlags.W);
        Assert.Equal(1u << 3, (uint)PteFlags.X);
        Assert.Equal(1u << 4, (uint)PteFlags.U);
        Assert.Equal(1u << 5, (uint)PteFlags.G);
        Assert.Equal(1u << 6, (uint)PteFlags.A);
        Assert.Equal(1u << 7, (uint)PteFlags.D);
    }

    [Fact]
    public void Sv39EntryIsEightBytesWithPpnFieldsAt10_19_28()
    {
        Assert.Equal(8, Unsafe.SizeOf<Sv39Pte>());
        // PPN[2] = 0x2ABCDEF (26 bits), PPN[1] = 0x155, PPN[0] = 0x0AA.
        ulong ppn = 0x2ABCDEFUL << 18 | 0x155UL << 9 | 0x0AA;
        var pte = Sv39Pte.Make(ppn, PteFlags.V | PteFlags.R | PteFlags.D);
        Assert.Equal(0x0AAUL << 10 | 0x155UL << 19 | 0x2ABCDEFUL << 28 | 0x83, pte.Bits);
        Assert.Equal(0x0AAUL, pte.Ppn0);
        Assert.Equal(0x155UL, pte.Ppn1);
        Assert.Equal(0x2ABCDEFUL, pte.Ppn2);
        Assert.Equal(ppn, pte.Ppn);
        Assert.True(pte.V && pte.R && pte.D);
        Assert.False(pte.W || pte.X || pte.U || pte.G || pte.A);
        // Bits 54-63 (reserved, PBMT, N) stay zero for the largest page number.
        Assert.Equal(0UL, Sv39Pte.Make((1UL << 44) - 1, PteFlags.All).Bits >> 54);
    }

    [Fact]
    public void Sv39RswIsBitsEightAndNine()
    {
        Assert.Equal(3u, new Sv39Pte(0x300).Rsw);
        Assert.Equal(0UL, new Sv39Pte(0x3FF).Ppn);
    }

    [Fact]
    public void Sv32EntryIsFourBytesWithPpnFieldsAt10_20()
    {
        Assert.Equal(4, Unsafe.SizeOf<Sv32Pte>());
        // PPN[1] = 0xABC (12 bits), PPN[0] = 0x2F5 (10 bits).
        uint ppn = 0xABCu << 10 | 0x2F5;
        var pte = Sv32Pte.Make(ppn, PteFlags.V | PteFlags.X | PteFlags.A | PteFlags.G);
        Assert.Equal(0x2F5u << 10 | 0xABCu << 20 | 0x69, pte.Bits);
        Assert.Equal(0x2F5u, pte.Ppn0);
        Assert.Equal(0xABCu, pte.Ppn1);
        Assert.Equal(ppn, pte.Ppn);
        Assert.True(pte.V && pte.X && pte.A && pte.G);
        Assert.False(pte.R || pte.W || pte.U || pte.D);
        Assert.Equal(3u, new Sv32Pte(0x300).Rsw);
    }

    [Fact]
    public void SatpEncodesModeAndRootPageNumber()
    {
        // Sv39: MODE (bits 60-63) = 8, ASID (44-59) = 0, PPN (0-43). Sv32: MODE (bit 31) = 1, PPN (0-21).
        Assert.Equal(0x8000_0000_0008_0123UL, default(Sv39).Satp(0x80123));
        Assert.Equal(0x8008_0123UL, default(Sv32).Satp(0x80123));
    }
}
