namespace Kernel.Memory.Paging;

/// <summary>Sv32 (privileged specification 1.12, section 4.3): two levels of 1024 four-byte entries, 32-bit virtual
/// and 34-bit physical addresses, satp.MODE = 1 in bit 31, PPN in bits 0-21.</summary>
public struct Sv32 : IPagingMode
{
    public const uint SatpMode = 1;

    public readonly string Name => "Sv32";

    public readonly int Levels => 2;

    public readonly int VpnBits => 10;

    public readonly int PteSize => 4;

    public readonly int VirtualBits => 32;

    public readonly int PhysicalBits => 34;

    public readonly ulong Satp(ulong rootPpn) => (ulong)SatpMode << 31 | (rootPpn & ((1UL << 22) - 1));

    public readonly unsafe ulong Read(byte* table, int index) => ((Sv32Pte*)table)[index].Bits;

    public readonly unsafe void Write(byte* table, int index, ulong entry) => ((Sv32Pte*)table)[index] = new Sv32Pte((uint)entry);

    public readonly ulong Make(ulong ppn, PteFlags flags) => Sv32Pte.Make((uint)ppn, flags).Bits;

    public readonly ulong PpnOf(ulong entry) => new Sv32Pte((uint)entry).Ppn;
}
