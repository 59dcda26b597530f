namespace Kernel.Interrupts;

using System.Runtime.Intrinsics.RiscV;
using System.Threading;
using Internal.Runtime;

/// <summary>
/// The machine timer of hart 0 in the CLINT (<c>riscv,clint0</c>; QEMU virt: 0x2000000): mtimecmp at
/// base + 0x4000. mip.MTIP is set while mtime &gt;= mtimecmp, which wakes a <c>wfi</c> when mie.MTIE is set: it is
/// what bounds an interrupt wait whose interrupt never comes. mtime itself is read through the <c>time</c> CSR
/// (<see cref="Csr.ReadTime"/>).
/// </summary>
public readonly unsafe struct MachineTimer
{
    /// <summary>QEMU virt's CLINT, when the device tree does not say.</summary>
    public const ulong DefaultClintBase = 0x0200_0000;

    /// <summary>mtimecmp of hart N is at base + 0x4000 + 8 * N.</summary>
    const nuint MtimecmpOffset = 0x4000;

    /// <summary>QEMU virt's timebase (10 MHz), when the device tree does not say.</summary>
    public const ulong DefaultFrequency = 10_000_000;

    readonly nuint _mtimecmp;

    public MachineTimer(nuint clintBase) => _mtimecmp = clintBase + MtimecmpOffset;

    public static ulong Now => Csr.ReadTime();

    /// <summary>Sets mtimecmp: mip.MTIP rises once mtime reaches <paramref name="time"/>.</summary>
    public void SetCompare(ulong time)
    {
        if (RuntimeInformation.Arch == TargetArch.RiscV32)
        {
            // Two 32-bit halves; never let the register pass through a value below both the old and the new one
            // (privileged specification 3.2.1): the high half to all ones first.
            uint* halves = (uint*)_mtimecmp;
            Volatile.Write(ref halves[1], uint.MaxValue);
            Volatile.Write(ref halves[0], (uint)time);
            Volatile.Write(ref halves[1], (uint)(time >> 32));
        }
        else
        {
            Volatile.Write(ref *(ulong*)_mtimecmp, time);
        }
    }
}
