namespace Kernel.Bench;

using System.Runtime.Intrinsics.RiscV;
using Internal.Runtime;

/// <summary>The <c>instret</c> counter (Zicntr; S-mode may read it because the firmware sets mcounteren.IR): the
/// instructions the hart retired. Under QEMU with <c>-icount shift=0</c> it is deterministic, so the bench can report
/// what the driver's code costs per request whatever the host's load. Each reading itself retires a few instructions;
/// <see cref="Overhead"/> is that cost, subtracted from every measured interval.</summary>
public static class Instructions
{
    const int Instret = 0xC02;
    const int Instreth = 0xC82;

    /// <summary>The 64-bit count. rv32: high, low, high again, retried when the low half wrapped in between.</summary>
    public static ulong Read()
    {
        if (RuntimeInformation.Arch == TargetArch.RiscV32)
        {
            uint high;
            uint low;
            do
            {
                high = (uint)Rv.ReadCsr(Instreth);
                low = (uint)Rv.ReadCsr(Instret);
            }
            while (high != (uint)Rv.ReadCsr(Instreth));

            return ((ulong)high << 32) | low;
        }

        return Rv.ReadCsr(Instret);
    }

    /// <summary>What an empty interval measures (two readings back to back): the smallest of a few tries.</summary>
    public static ulong Overhead
    {
        get
        {
            ulong least = ulong.MaxValue;
            for (int i = 0; i < 8; i++)
            {
                ulong first = Read();
                ulong spent = Read() - first;
                least = spent < least ? spent : least;
            }

            return least;
        }
    }
}
