namespace System;

using System.Runtime.CompilerServices;

/// <summary>
/// The base class of every enum. Enums are plain integers to the compiler. Formatting an enum (a hole of an
/// interpolated string, <c>TryFormat</c>) prints its name, its <c>[Flags]</c> names joined with ", ", or its
/// number, as .NET does: the compiler sends the constrained <c>ISpanFormattable.TryFormat</c> call of an enum
/// type to <see cref="TryFormatEnum{TEnum}"/>, and answers the <c>Enum…</c> intrinsics below from the enum's
/// metadata at compile time (there is no reflection at run time).
/// </summary>
public abstract class Enum : ValueType, ISpanFormattable
{
    // Never called: a constrained call on an enum type goes to TryFormatEnum instead (see above).
    [MethodImpl(MethodImplOptions.InternalCall)]
    extern bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    extern string IFormattable.ToString(string? format, IFormatProvider? formatProvider);

    /// <summary>Whether every bit of <paramref name="flag"/> is set in this value. C# boxes both operands; the compiler
    /// recognises <c>box; box; call HasFlag</c> and compiles <c>(value &amp; flag) == flag</c> instead, as the JIT does.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern bool HasFlag(Enum flag);

    /// <summary>As .NET's <c>Enum.TryFormat</c>: the value formatted into <paramref name="destination"/>.</summary>
    public static bool TryFormat<TEnum>(TEnum value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default)
        where TEnum : struct, Enum => TryFormatEnum(ref value, destination, out charsWritten, format, null);

    /// <summary>.NET's enum formats: G (name, [Flags] names, or the number), D (number), X (hex digits of the
    /// underlying size), F (flag names even without [Flags]).</summary>
    internal static bool TryFormatEnum<TEnum>(ref TEnum value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        int size = Unsafe.SizeOf<TEnum>();
        ulong bits = size switch
        {
            1 => Unsafe.As<TEnum, byte>(ref value),
            2 => Unsafe.As<TEnum, ushort>(ref value),
            4 => Unsafe.As<TEnum, uint>(ref value),
            _ => Unsafe.As<TEnum, ulong>(ref value),
        };
        char fmt = format.Length == 0 ? 'G' : format.Length == 1 ? format[0] : '?';
        switch (fmt)
        {
            case 'G':
            case 'g':
                if (EnumIsFlags<TEnum>())
                {
                    goto case 'F';
                }

                int index = FindValue<TEnum>(bits);
                if (index >= 0)
                {
                    return TryCopy(EnumNameAt<TEnum>(index), destination, out charsWritten);
                }

                goto case 'D';
            case 'D':
            case 'd':
                if (EnumIsSigned<TEnum>())
                {
                    int shift = 64 - (size * 8);
                    long signed = (long)(bits << shift) >> shift;
                    return Number.TryFormatSigned(signed, size, destination, out charsWritten, default);
                }

                return Number.TryFormatUnsigned(bits, destination, out charsWritten, default);
            case 'X':
            case 'x':
                return Number.TryFormatUnsigned(bits, destination, out charsWritten, size switch { 1 => "X2", 2 => "X4", 4 => "X8", _ => "X16" });
            case 'F':
            case 'f':
                if (TryFormatFlagNames<TEnum>(bits, destination, out charsWritten, out bool tooSmall))
                {
                    return true;
                }

                if (tooSmall)
                {
                    return false;
                }

                goto case 'D';
            default:
                throw new FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
        }
    }

    private static int FindValue<TEnum>(ulong bits)
    {
        int count = EnumNameCount<TEnum>();
        for (int i = 0; i < count; i++)
        {
            if (EnumValueAt<TEnum>(i) == bits)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// .NET's rule: a defined value prints its name; otherwise the flags are taken from the largest value down,
    /// and printed in ascending order separated by ", "; zero prints the name of zero (or "0"). False when the
    /// names do not cover every bit (the number is printed then).
    /// </summary>
    private static bool TryFormatFlagNames<TEnum>(ulong bits, Span<char> destination, out int charsWritten, out bool tooSmall)
    {
        tooSmall = false;
        charsWritten = 0;
        int index = FindValue<TEnum>(bits);
        if (index >= 0)
        {
            tooSmall = !TryCopy(EnumNameAt<TEnum>(index), destination, out charsWritten);
            return !tooSmall;
        }

        if (bits == 0)
        {
            return false;
        }

        // Which names cover the value, as a bit set over their indices, found from the largest value down.
        int count = EnumNameCount<TEnum>();
        ulong rest = bits;
        Span<bool> found = stackalloc bool[count];
        found.Clear();
        for (int i = count - 1; i >= 0; i--)
        {
            ulong v = EnumValueAt<TEnum>(i);
            if (i == 0 && v == 0)
            {
                break;
            }

            if ((rest & v) == v && v != 0)
            {
                rest &= ~v;
                found[i] = true;
                if (rest == 0)
                {
                    break;
                }
            }
        }

        if (rest != 0)
        {
            return false;
        }

        int position = 0;
        for (int i = 0; i < count; i++)
        {
            if (!found[i])
            {
                continue;
            }

            if (position != 0)
            {
                if (!TryCopy(", ", destination.Slice(position), out int separator))
                {
                    tooSmall = true;
                    return false;
                }

                position += separator;
            }

            if (!TryCopy(EnumNameAt<TEnum>(i), destination.Slice(position), out int written))
            {
                tooSmall = true;
                return false;
            }

            position += written;
        }

        charsWritten = position;
        return true;
    }

    private static bool TryCopy(ReadOnlySpan<char> text, Span<char> destination, out int charsWritten)
    {
        if (!text.TryCopyTo(destination))
        {
            charsWritten = 0;
            return false;
        }

        charsWritten = text.Length;
        return true;
    }

    /// <summary>The number of named constants of TEnum (compile-time constant).</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern int EnumNameCount<TEnum>();

    /// <summary>The value of the constant at <paramref name="index"/>, its bits zero-extended, in ascending order of
    /// those bits (as .NET sorts them).</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern ulong EnumValueAt<TEnum>(int index);

    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern string EnumNameAt<TEnum>(int index);

    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern bool EnumIsFlags<TEnum>();

    [MethodImpl(MethodImplOptions.InternalCall)]
    internal static extern bool EnumIsSigned<TEnum>();
}
