namespace System.Threading;

using System.Runtime.CompilerServices;

/// <summary>Only the full fence for now: harts other than 0 are parked, so there are no atomics yet.</summary>
[Intrinsic]
public static class Interlocked
{
    /// <summary>An LLVM <c>fence seq_cst</c> (RISC-V <c>fence rw,rw</c>).</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void MemoryBarrier();
}
