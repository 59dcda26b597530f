namespace Kernel.Memory.Paging;

using System.Runtime.InteropServices;

/// <summary>
/// An Sv32 page-table entry (privileged specification 1.12, figure 4.18): 32 bits, V R W X U G A D in bits 0-7,
/// RSW in 8-9, PPN[0] (10 bits) at 10, PPN[1] (12 bits) at 20: a 22-bit page number, 34-bit physical addresses.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 4)]
public struct Sv32Pte
{
    public const int PpnShift = 10;
    public const int PpnBits = 22;

    [FieldOffset(0)]
    public uint Bits;

    public Sv32Pte(uint bits) => Bits = bits;

    public readonly bool V => (Bits & (uint)PteFlags.V) != 0;

    public readonly bool R => (Bits & (uint)PteFlags.R) != 0;

    public readonly bool W => (Bits & (uint)PteFlags.W) != 0;

    public readonly bool X => (Bits & (uint)PteFlags.X) != 0;

    public readonly bool U => (Bits & (uint)PteFlags.U) != 0;

    public readonly bool G => (Bits & (uint)PteFlags.G) != 0;

    public readonly bool A => (Bits & (uint)PteFlags.A) != 0;

    public readonly bool D => (Bits & (uint)PteFlags.D) != 0;

    public readonly PteFlags Flags => (PteFlags)(Bits & (uint)PteFlags.All);

    public readonly uint Rsw => (Bits >> 8) & 0x3;

    public readonly uint Ppn0 => (Bits >> 10) & 0x3FF;

    public readonly uint Ppn1 => (Bits >> 20) & 0xFFF;

    /// <summary>The whole physical page number (PPN[1..0]).</summary>
    public readonly uint Ppn => Bits >> PpnShift;

    public static Sv32Pte Make(uint ppn, PteFlags flags) => new Sv32Pte(ppn << PpnShift | (uint)flags);
}
