namespace User;

using System;

/// <summary>A command line split at runs of spaces, one word at a time.</summary>
public ref struct Words
{
    ReadOnlySpan<byte> _rest;

    public Words(ReadOnlySpan<byte> line) => _rest = line;

    public readonly bool AtEnd => SkipSpaces(_rest).IsEmpty;

    /// <summary>The next word, empty at the end.</summary>
    public ReadOnlySpan<byte> Next()
    {
        _rest = SkipSpaces(_rest);
        int end = _rest.IndexOf((byte)' ');
        if (end < 0)
        {
            end = _rest.Length;
        }

        ReadOnlySpan<byte> word = _rest.Slice(0, end);
        _rest = _rest.Slice(end);
        return word;
    }

    /// <summary>The rest of the line after the spaces that follow the last word taken.</summary>
    public ReadOnlySpan<byte> Rest() => SkipSpaces(_rest);

    static ReadOnlySpan<byte> SkipSpaces(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && text[i] == (byte)' ')
        {
            i++;
        }

        return text.Slice(i);
    }

    /// <summary>A decimal number, or hex after <c>0x</c>.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        bool hex = text.Length > 2 && text[0] == (byte)'0' && (text[1] == (byte)'x' || text[1] == (byte)'X');
        if (hex)
        {
            text = text.Slice(2);
        }

        ulong radix = hex ? 16UL : 10UL;
        for (int i = 0; i < text.Length; i++)
        {
            byte c = text[i];
            ulong digit = c >= (byte)'0' && c <= (byte)'9' ? (ulong)(c - '0')
                : hex && c >= (byte)'a' && c <= (byte)'f' ? (ulong)(c - 'a' + 10)
                : hex && c >= (byte)'A' && c <= (byte)'F' ? (ulong)(c - 'A' + 10)
                : 99;
            if (digit >= radix || value > (ulong.MaxValue - digit) / radix)
            {
                return false;
            }

            value = value * radix + digit;
        }

        return true;
    }
}
