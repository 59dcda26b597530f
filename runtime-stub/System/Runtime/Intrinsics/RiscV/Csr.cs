namespace System.Runtime.Intrinsics.RiscV;

using Internal.Runtime;

/// <summary>
/// CSR numbers (the RISC-V privileged specification's names, Pascal-cased), to pass as the
/// constant argument of <see cref="Rv.ReadCsr"/> and friends, and counter helpers.
/// </summary>
public static class Csr
{
    // Unprivileged floating-point and counters.
    public const int Fflags = 0x001;
    public const int Frm = 0x002;
    public const int Fcsr = 0x003;
    public const int Cycle = 0xC00;
    public const int Time = 0xC01;
    public const int Instret = 0xC02;

    /// <summary>rv32 only: the upper halves of the 64-bit counters.</summary>
    public const int Cycleh = 0xC80;
    public const int Timeh = 0xC81;
    public const int Instreth = 0xC82;

    // Supervisor.
    public const int Sstatus = 0x100;
    public const int Sie = 0x104;
    public const int Stvec = 0x105;
    public const int Scounteren = 0x106;
    public const int Sscratch = 0x140;
    public const int Sepc = 0x141;
    public const int Scause = 0x142;
    public const int Stval = 0x143;
    public const int Sip = 0x144;
    public const int Satp = 0x180;

    // Machine.
    public const int Mvendorid = 0xF11;
    public const int Marchid = 0xF12;
    public const int Mimpid = 0xF13;
    public const int Mhartid = 0xF14;
    public const int Mstatus = 0x300;
    public const int Misa = 0x301;
    public const int Medeleg = 0x302;
    public const int Mideleg = 0x303;
    public const int Mie = 0x304;
    public const int Mtvec = 0x305;
    public const int Mcounteren = 0x306;

    /// <summary>rv32 only: the upper half of mstatus.</summary>
    public const int Mstatush = 0x310;
    public const int Mscratch = 0x340;
    public const int Mepc = 0x341;
    public const int Mcause = 0x342;
    public const int Mtval = 0x343;
    public const int Mip = 0x344;
    public const int Pmpcfg0 = 0x3A0;
    public const int Pmpaddr0 = 0x3B0;
    public const int Mcycle = 0xB00;
    public const int Minstret = 0xB02;

    /// <summary>rv32 only: the upper halves of the machine counters.</summary>
    public const int Mcycleh = 0xB80;
    public const int Minstreth = 0xB82;

    /// <summary>
    /// The 64-bit <c>time</c> counter. On rv32 it is two CSRs: read high, low, high again
    /// and retry if the high half changed (the low half wrapped between the reads).
    /// <see cref="RuntimeInformation.Arch"/> is a constant, so only one path is compiled in.
    /// </summary>
    public static ulong ReadTime()
    {
        if (RuntimeInformation.Arch == TargetArch.RiscV32)
        {
            uint high;
            uint low;
            do
            {
                high = (uint)Rv.ReadCsr(Timeh);
                low = (uint)Rv.ReadCsr(Time);
            }
            while (high != (uint)Rv.ReadCsr(Timeh));

            return ((ulong)high << 32) | low;
        }

        return Rv.ReadCsr(Time);
    }
}
