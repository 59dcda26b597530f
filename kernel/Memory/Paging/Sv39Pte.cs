namespace Kernel.Memory.Paging;

using System.Runtime.InteropServices;

/// <summary>
/// An Sv39 page-table entry (privileged specification 1.12, figure 4.21): 64 bits, V R W X U G A D in bits 0-7,
/// RSW in 8-9, PPN[0] (9 bits) at 10, PPN[1] (9 bits) at 19, PPN[2] (26 bits) at 28, bits 54-63 reserved (zero:
/// no Svpbmt/Svnapot).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public struct Sv39Pte
{
    public const int PpnShift = 10;
    public const int PpnBits = 44;

    [FieldOffset(0)]
    public ulong Bits;

    public Sv39Pte(ulong bits) => Bits = bits;

    public readonly bool V => (Bits & (ulong)PteFlags.V) != 0;

    public readonly bool R => (Bits & (ulong)PteFlags.R) != 0;

    public readonly bool W => (Bits & (ulong)PteFlags.W) != 0;

    public readonly bool X => (Bits & (ulong)PteFlags.X) != 0;

    public readonly bool U => (Bits & (ulong)PteFlags.U) != 0;

    public readonly bool G => (Bits & (ulong)PteFlags.G) != 0;

    public readonly bool A => (Bits & (ulong)PteFlags.A) != 0;

    public readonly bool D => (Bits & (ulong)PteFlags.D) != 0;

    public readonly PteFlags Flags => (PteFlags)(Bits & (ulong)PteFlags.All);

    public readonly uint Rsw => (uint)(Bits >> 8) & 0x3;

    public readonly ulong Ppn0 => (Bits >> 10) & 0x1FF;

    public readonly ulong Ppn1 => (Bits >> 19) & 0x1FF;

    public readonly ulong Ppn2 => (Bits >> 28) & 0x3FF_FFFF;

    /// <summary>The whole physical page number (PPN[2..0]).</summary>
    public readonly ulong Ppn => (Bits >> PpnShift) & ((1UL << PpnBits) - 1);

    public static Sv39Pte Make(ulong ppn, PteFlags flags) => new Sv39Pte(ppn << PpnShift | (ulong)flags);
}
