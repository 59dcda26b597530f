namespace System.Runtime.InteropServices;

using System.Runtime.CompilerServices;

/// <summary>
/// Span internals. Roslyn calls <see cref="CreateSpan"/> and <see cref="CreateReadOnlySpan"/>
/// to view inline arrays (including the ones it synthesizes for collection expressions and
/// <c>params</c> spans). Only the members that need no heap.
/// </summary>
public static class MemoryMarshal
{
    public static ref T GetReference<T>(Span<T> span) => ref span._reference;

    public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;

    // AsRef launders the scoped reference, as in .NET: the caller vouches for the lifetime.
    public static Span<T> CreateSpan<T>(scoped ref T reference, int length) =>
        new Span<T>(ref Unsafe.AsRef(in reference), length);

    public static ReadOnlySpan<T> CreateReadOnlySpan<T>(scoped ref readonly T reference, int length) =>
        new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);

    public static Span<byte> AsBytes<T>(Span<T> span) where T : struct =>
        new Span<byte>(ref Unsafe.As<T, byte>(ref span._reference), checked(span.Length * Unsafe.SizeOf<T>()));

    public static ReadOnlySpan<byte> AsBytes<T>(ReadOnlySpan<T> span) where T : struct =>
        new ReadOnlySpan<byte>(ref Unsafe.As<T, byte>(ref span._reference), checked(span.Length * Unsafe.SizeOf<T>()));

    public static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span)
        where TFrom : struct
        where TTo : struct =>
        new Span<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference), CastLength<TFrom, TTo>(span.Length));

    public static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span)
        where TFrom : struct
        where TTo : struct =>
        new ReadOnlySpan<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference), CastLength<TFrom, TTo>(span.Length));

    /// <summary>Reads a <typeparamref name="T"/> from the start of <paramref name="source"/> (unaligned).</summary>
    public static T Read<T>(ReadOnlySpan<byte> source) where T : struct
    {
        if (Unsafe.SizeOf<T>() > source.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        return Unsafe.ReadUnaligned<T>(ref source._reference);
    }

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/> (unaligned).</summary>
    public static void Write<T>(Span<byte> destination, in T value) where T : struct
    {
        if (Unsafe.SizeOf<T>() > destination.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        Unsafe.WriteUnaligned(ref destination._reference, value);
    }

    public static ref T AsRef<T>(Span<byte> span) where T : struct
    {
        if (Unsafe.SizeOf<T>() > span.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        return ref Unsafe.As<byte, T>(ref span._reference);
    }

    public static ref readonly T AsRef<T>(ReadOnlySpan<byte> span) where T : struct
    {
        if (Unsafe.SizeOf<T>() > span.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRangeException_Length();
        }

        return ref Unsafe.As<byte, T>(ref span._reference);
    }

    // As in .NET: the element count of the same bytes viewed as TTo, rounding down.
    private static int CastLength<TFrom, TTo>(int length)
        where TFrom : struct
        where TTo : struct
    {
        uint fromSize = (uint)Unsafe.SizeOf<TFrom>();
        uint toSize = (uint)Unsafe.SizeOf<TTo>();
        if (fromSize == toSize)
        {
            return length;
        }

        if (fromSize == 1)
        {
            return (int)((uint)length / toSize);
        }

        // 64-bit so the product cannot overflow; a __udivdi3 call on rv32.
        ulong toLength = (ulong)(uint)length * fromSize / toSize;
        return checked((int)toLength);
    }
}
