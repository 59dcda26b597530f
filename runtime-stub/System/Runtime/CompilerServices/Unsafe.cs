namespace System.Runtime.CompilerServices;

using System.Diagnostics.CodeAnalysis;

/// <summary>
/// Reference and pointer operations C# cannot express. The InternalCall externs are
/// intrinsics the compiler expands inline (docs/abi.md); the few members written in C#
/// are built from them. Signatures, constraints and ref kinds as in .NET 10, so calls bind
/// the same way against either library.
/// </summary>
[Intrinsic]
public static unsafe class Unsafe
{
    [MethodImpl(MethodImplOptions.InternalCall)]
    [return: NotNullIfNotNull(nameof(o))]
    public static extern T As<T>(object? o) where T : class?;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref TTo As<TFrom, TTo>(ref TFrom source)
        where TFrom : allows ref struct
        where TTo : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void* AsPointer<T>(ref readonly T value) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T AsRef<T>(void* source) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T AsRef<T>(scoped ref readonly T source) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T Add<T>(ref T source, int elementOffset) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T Add<T>(ref T source, nint elementOffset) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T Add<T>(ref T source, nuint elementOffset) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void* Add<T>(void* source, int elementOffset) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T AddByteOffset<T>(ref T source, nint byteOffset) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T AddByteOffset<T>(ref T source, nuint byteOffset) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T Subtract<T>(ref T source, int elementOffset) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T Subtract<T>(ref T source, nint elementOffset) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T Subtract<T>(ref T source, nuint elementOffset) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void* Subtract<T>(void* source, int elementOffset) where T : allows ref struct;

    public static ref T SubtractByteOffset<T>(ref T source, nint byteOffset) where T : allows ref struct =>
        ref AddByteOffset(ref source, -byteOffset);

    public static ref T SubtractByteOffset<T>(ref T source, nuint byteOffset) where T : allows ref struct =>
        ref AddByteOffset(ref source, 0 - byteOffset);

    /// <summary>The byte distance from <paramref name="origin"/> to <paramref name="target"/>.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern nint ByteOffset<T>([AllowNull] ref readonly T origin, [AllowNull] ref readonly T target) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern int SizeOf<T>() where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern T Read<T>(void* source) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void Write<T>(void* destination, T value) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern T ReadUnaligned<T>(void* source) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern T ReadUnaligned<T>(scoped ref readonly byte source) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void WriteUnaligned<T>(void* destination, T value) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void WriteUnaligned<T>(ref byte destination, T value) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void Copy<T>(void* destination, ref readonly T source) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void Copy<T>(ref T destination, void* source) where T : allows ref struct;

    /// <summary>An LLVM memcpy with alignment 1: the ranges must not overlap.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void CopyBlock(void* destination, void* source, uint byteCount);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void CopyBlock(ref byte destination, ref readonly byte source, uint byteCount);

    // CopyBlock already assumes no alignment, so the unaligned forms are the same operation.
    public static void CopyBlockUnaligned(void* destination, void* source, uint byteCount) =>
        CopyBlock(destination, source, byteCount);

    public static void CopyBlockUnaligned(ref byte destination, ref readonly byte source, uint byteCount) =>
        CopyBlock(ref destination, in source, byteCount);

    /// <summary>An LLVM memset with alignment 1.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void InitBlock(void* startAddress, byte value, uint byteCount);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void InitBlock(ref byte startAddress, byte value, uint byteCount);

    // InitBlock already assumes no alignment, so the unaligned forms are the same operation.
    public static void InitBlockUnaligned(void* startAddress, byte value, uint byteCount) =>
        InitBlock(startAddress, value, byteCount);

    public static void InitBlockUnaligned(ref byte startAddress, byte value, uint byteCount) =>
        InitBlock(ref startAddress, value, byteCount);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ref T NullRef<T>() where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern bool IsNullRef<T>(ref readonly T source) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern bool AreSame<T>([AllowNull] ref readonly T left, [AllowNull] ref readonly T right) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern void SkipInit<T>(out T value) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern bool IsAddressLessThan<T>([AllowNull] ref readonly T left, [AllowNull] ref readonly T right) where T : allows ref struct;

    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern bool IsAddressGreaterThan<T>([AllowNull] ref readonly T left, [AllowNull] ref readonly T right) where T : allows ref struct;

    public static bool IsAddressLessThanOrEqualTo<T>([AllowNull] ref readonly T left, [AllowNull] ref readonly T right) where T : allows ref struct =>
        !IsAddressGreaterThan(in left, in right);

    public static bool IsAddressGreaterThanOrEqualTo<T>([AllowNull] ref readonly T left, [AllowNull] ref readonly T right) where T : allows ref struct =>
        !IsAddressLessThan(in left, in right);

    /// <summary>Reinterprets the bits of a value as another type of the same size.</summary>
    public static TTo BitCast<TFrom, TTo>(TFrom source)
        where TFrom : allows ref struct
        where TTo : allows ref struct
    {
        if (SizeOf<TFrom>() != SizeOf<TTo>())
        {
            ThrowHelper.ThrowNotSupportedException();
        }

        return ReadUnaligned<TTo>(ref As<TFrom, byte>(ref source));
    }
}
