namespace Kernel.Memory.Paging;

/// <summary>Sv39 (privileged specification 1.12, section 4.4): three levels of 512 eight-byte entries, 39-bit
/// virtual and 56-bit physical addresses, satp.MODE = 8 in bits 60-63, PPN in bits 0-43.</summary>
public struct Sv39 : IPagingMode
{
    public const ulong SatpMode = 8;

    public readonly string Name => "Sv39";

    public readonly int Levels => 3;

    public readonly int VpnBits => 9;

    public readonly int PteSize => 8;

    public readonly int VirtualBits => 39;

    public readonly int PhysicalBits => 56;

    public readonly ulong Satp(ulong rootPpn) => SatpMode << 60 | (rootPpn & ((1UL << 44) - 1));

    public readonly unsafe ulong Read(byte* table, int index) => ((Sv39Pte*)table)[index].Bits;

    public readonly unsafe void Write(byte* table, int index, ulong entry) => ((Sv39Pte*)table)[index] = new Sv39Pte(entry);

    public readonly ulong Make(ulong ppn, PteFlags flags) => Sv39Pte.Make(ppn, flags).Bits;

    public readonly ulong PpnOf(ulong entry) => new Sv39Pte(entry).Ppn;
}
