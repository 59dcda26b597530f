namespace System.Threading;

using System.Runtime.CompilerServices;

/// <summary>
/// Atomic operations, as in .NET (same overloads), for 32- and 64-bit integers and native integers (pointers go
/// through <c>nint</c>/<c>nuint</c>). Every member is an intrinsic the compiler turns into an LLVM <c>atomicrmw</c>,
/// <c>cmpxchg</c> or atomic load with sequentially consistent ordering: RISC-V A-extension AMOs and LR/SC loops.
/// rv32 has no 64-bit atomic instructions: there LLVM calls <c>__atomic_*_8</c>, which
/// <see cref="Internal.Runtime.CompilerHelpers.AtomicHelpers"/> implements under one lock with interrupts off.
/// Add, Increment and Decrement return the new value; Exchange, CompareExchange, And and Or the old one.
/// </summary>
[Intrinsic]
public static class Interlocked
{
    /// <summary>An LLVM <c>fence seq_cst</c> (RISC-V <c>fence rw,rw</c>).</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void MemoryBarrier();

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int CompareExchange(ref int location1, int value, int comparand);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int Exchange(ref int location1, int value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int Add(ref int location1, int value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int Increment(ref int location);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int Decrement(ref int location);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int And(ref int location1, int value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int Or(ref int location1, int value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern uint CompareExchange(ref uint location1, uint value, uint comparand);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern uint Exchange(ref uint location1, uint value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern uint Add(ref uint location1, uint value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern uint Increment(ref uint location);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern uint Decrement(ref uint location);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern uint And(ref uint location1, uint value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern uint Or(ref uint location1, uint value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long CompareExchange(ref long location1, long value, long comparand);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long Exchange(ref long location1, long value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long Add(ref long location1, long value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long Increment(ref long location);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long Decrement(ref long location);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long And(ref long location1, long value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long Or(ref long location1, long value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ulong CompareExchange(ref ulong location1, ulong value, ulong comparand);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ulong Exchange(ref ulong location1, ulong value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ulong Add(ref ulong location1, ulong value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ulong Increment(ref ulong location);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ulong Decrement(ref ulong location);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ulong And(ref ulong location1, ulong value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ulong Or(ref ulong location1, ulong value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern nint CompareExchange(ref nint location1, nint value, nint comparand);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern nint Exchange(ref nint location1, nint value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern nuint CompareExchange(ref nuint location1, nuint value, nuint comparand);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern nuint Exchange(ref nuint location1, nuint value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern long Read(ref readonly long location);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ulong Read(ref readonly ulong location);
}
