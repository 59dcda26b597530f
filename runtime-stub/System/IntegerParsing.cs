namespace System;

/// <summary>Integer parsing from spans, as .NET's TryParse with NumberStyles.Integer and the invariant culture:
/// optional white space (U+0009..U+000D, U+0020) around, an optional leading + or -, decimal digits. False on
/// anything else and on overflow.</summary>
internal static partial class Number
{
    internal static bool TryParseInteger(ReadOnlySpan<char> text, ulong maxPositive, ulong maxNegative, out ulong magnitude, out bool negative)
    {
        magnitude = 0;
        negative = false;
        int i = 0;
        int end = text.Length;
        while (i < end && IsWhite(text[i]))
        {
            i++;
        }

        while (end > i && IsWhite(text[end - 1]))
        {
            end--;
        }

        if (i < end && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        if (i == end)
        {
            return false;
        }

        ulong limit = negative ? maxNegative : maxPositive;
        ulong value = 0;
        for (; i < end; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            if (digit > limit || value > (limit - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        magnitude = value;
        return true;
    }

    private static bool IsWhite(char c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t';
}

public readonly partial struct SByte
{
    public static bool TryParse(ReadOnlySpan<char> s, out sbyte result)
    {
        if (Number.TryParseInteger(s, 127, 128, out ulong magnitude, out bool negative))
        {
            result = unchecked((sbyte)(negative ? unchecked(0 - magnitude) : magnitude));
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryParse(string? s, out sbyte result) => TryParse(s.AsSpan(), out result);
}

public readonly partial struct Byte
{
    public static bool TryParse(ReadOnlySpan<char> s, out byte result)
    {
        if (Number.TryParseInteger(s, byte.MaxValue, 0, out ulong magnitude, out bool negative))
        {
            result = unchecked((byte)magnitude);
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryParse(string? s, out byte result) => TryParse(s.AsSpan(), out result);
}

public readonly partial struct Int16
{
    public static bool TryParse(ReadOnlySpan<char> s, out short result)
    {
        if (Number.TryParseInteger(s, 32767, 32768, out ulong magnitude, out bool negative))
        {
            result = unchecked((short)(negative ? unchecked(0 - magnitude) : magnitude));
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryParse(string? s, out short result) => TryParse(s.AsSpan(), out result);
}

public readonly partial struct UInt16
{
    public static bool TryParse(ReadOnlySpan<char> s, out ushort result)
    {
        if (Number.TryParseInteger(s, ushort.MaxValue, 0, out ulong magnitude, out bool negative))
        {
            result = unchecked((ushort)magnitude);
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryParse(string? s, out ushort result) => TryParse(s.AsSpan(), out result);
}

public readonly partial struct Int32
{
    public static bool TryParse(ReadOnlySpan<char> s, out int result)
    {
        if (Number.TryParseInteger(s, int.MaxValue, 2147483648UL, out ulong magnitude, out bool negative))
        {
            result = unchecked((int)(negative ? unchecked(0 - magnitude) : magnitude));
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryParse(string? s, out int result) => TryParse(s.AsSpan(), out result);
}

public readonly partial struct UInt32
{
    public static bool TryParse(ReadOnlySpan<char> s, out uint result)
    {
        if (Number.TryParseInteger(s, uint.MaxValue, 0, out ulong magnitude, out bool negative))
        {
            result = unchecked((uint)magnitude);
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryParse(string? s, out uint result) => TryParse(s.AsSpan(), out result);
}

public readonly partial struct Int64
{
    public static bool TryParse(ReadOnlySpan<char> s, out long result)
    {
        if (Number.TryParseInteger(s, long.MaxValue, 9223372036854775808UL, out ulong magnitude, out bool negative))
        {
            result = unchecked((long)(negative ? unchecked(0 - magnitude) : magnitude));
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryParse(string? s, out long result) => TryParse(s.AsSpan(), out result);
}

public readonly partial struct UInt64
{
    public static bool TryParse(ReadOnlySpan<char> s, out ulong result)
    {
        if (Number.TryParseInteger(s, ulong.MaxValue, 0, out ulong magnitude, out bool negative))
        {
            result = unchecked((ulong)magnitude);
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryParse(string? s, out ulong result) => TryParse(s.AsSpan(), out result);
}
