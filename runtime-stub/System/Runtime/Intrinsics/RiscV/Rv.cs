namespace System.Runtime.Intrinsics.RiscV;

using System.Runtime.CompilerServices;

/// <summary>
/// RISC-V instructions the compiler emits inline (docs/abi.md). CSR numbers and fence sets
/// must be constants (they are encoded in the instruction); see <see cref="Csr"/> for the
/// numbers. Using these on the host target is a compile error in rvc.
/// </summary>
[Intrinsic]
public static class Rv
{
    /// <summary><c>csrr rd, csr</c>.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern nuint ReadCsr(int csr);

    /// <summary><c>csrw csr, rs</c>.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void WriteCsr(int csr, nuint value);

    /// <summary><c>csrrw rd, csr, rs</c>: writes and returns the old value.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern nuint SwapCsr(int csr, nuint value);

    /// <summary><c>csrs csr, rs</c>: sets the given bits.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void SetCsr(int csr, nuint bits);

    /// <summary><c>csrc csr, rs</c>: clears the given bits.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void ClearCsr(int csr, nuint bits);

    /// <summary><c>wfi</c>: waits for an interrupt.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void Wfi();

    /// <summary><c>fence.i</c>: makes stores visible to instruction fetch.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void FenceI();

    /// <summary><c>fence pred, succ</c>.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void Fence(FenceSet predecessor, FenceSet successor);

    /// <summary><c>ecall</c> with a7, a0, a1, a2 set; returns a0 (the SBI/semihosting convention).</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern nuint Ecall(nuint a7, nuint a0, nuint a1, nuint a2);
}
