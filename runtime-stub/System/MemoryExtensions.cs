namespace System;

using System.Runtime.CompilerServices;

/// <summary>
/// Span searching and the string-to-span conversion, with .NET's signatures. Element
/// comparisons go through <see cref="IEquatable{T}.Equals"/> (a direct call for primitives).
/// C# 14 converts <c>string</c> to <c>ReadOnlySpan&lt;char&gt;</c> by calling <see cref="AsSpan(string)"/>.
/// </summary>
public static partial class MemoryExtensions
{
    // Built explicitly: writing `=> text` would be that same implicit conversion, i.e. a call to itself.
    public static ReadOnlySpan<char> AsSpan(this string? text) =>
        text is null ? default : new ReadOnlySpan<char>(ref text.GetRawStringData(), text.Length);

    /// <summary>The characters from <paramref name="start"/> on; ArgumentOutOfRangeException (start) past the end, as .NET.</summary>
    public static ReadOnlySpan<char> AsSpan(this string? text, int start)
    {
        if (text is null)
        {
            if (start != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }

            return default;
        }

        if ((uint)start > (uint)text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        return new ReadOnlySpan<char>(ref Runtime.CompilerServices.Unsafe.Add(ref text.GetRawStringData(), start), text.Length - start);
    }

    public static ReadOnlySpan<char> AsSpan(this string? text, int start, int length)
    {
        if (text is null)
        {
            if (start != 0 || length != 0)
            {
                throw new ArgumentOutOfRangeException(start != 0 ? nameof(start) : nameof(length));
            }

            return default;
        }

        if ((uint)start > (uint)text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        if ((uint)length > (uint)(text.Length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        return new ReadOnlySpan<char>(ref Runtime.CompilerServices.Unsafe.Add(ref text.GetRawStringData(), start), length);
    }

    public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>? =>
        SequenceEqual((ReadOnlySpan<T>)span, other);

    public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>?
    {
        if (span.Length != other.Length)
        {
            return false;
        }

        for (int i = 0; i < span.Length; i++)
        {
            if (!span[i]!.Equals(other[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static int IndexOf<T>(this Span<T> span, T value) where T : IEquatable<T>? => IndexOf((ReadOnlySpan<T>)span, value);

    public static int IndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>?
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i]!.Equals(value))
            {
                return i;
            }
        }

        return -1;
    }

    public static int LastIndexOf<T>(this Span<T> span, T value) where T : IEquatable<T>? => LastIndexOf((ReadOnlySpan<T>)span, value);

    public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>?
    {
        for (int i = span.Length - 1; i >= 0; i--)
        {
            if (span[i]!.Equals(value))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool Contains<T>(this Span<T> span, T value) where T : IEquatable<T>? => IndexOf((ReadOnlySpan<T>)span, value) >= 0;

    public static bool Contains<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>? => IndexOf(span, value) >= 0;

    public static bool StartsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        StartsWith((ReadOnlySpan<T>)span, value);

    public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        value.Length <= span.Length && SequenceEqual(span.Slice(0, value.Length), value);

    public static bool EndsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        EndsWith((ReadOnlySpan<T>)span, value);

    public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        value.Length <= span.Length && SequenceEqual(span.Slice(span.Length - value.Length), value);

    public static void Reverse<T>(this Span<T> span)
    {
        int i = 0;
        int j = span.Length - 1;
        while (i < j)
        {
            T temp = span[i];
            span[i] = span[j];
            span[j] = temp;
            i++;
            j--;
        }
    }
}
