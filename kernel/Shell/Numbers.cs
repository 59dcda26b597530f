namespace Kernel.Shell;

using System;

/// <summary>The shell's numbers: decimal (<c>42</c>) or hexadecimal with <c>0x</c> (<c>0x2a</c>, either case), 0 to
/// 2^64 - 1; no sign, no spaces, no separators. The kernel command line's numbers are the decimal ones.</summary>
public static class Numbers
{
    public static bool TryParse(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        if (text.Length > 2 && text[0] == (byte)'0' && (text[1] == (byte)'x' || text[1] == (byte)'X'))
        {
            for (int i = 2; i < text.Length; i++)
            {
                uint digit = HexDigit(text[i]);
                if (digit > 15 || value > ulong.MaxValue >> 4)
                {
                    value = 0;
                    return false;
                }

                value = value << 4 | digit;
            }

            return true;
        }

        return TryParseDecimal(text, out value);
    }

    /// <summary>A decimal number only, 0 to 2^64 - 1: the shell's without the hexadecimal form, as the kernel command
    /// line takes them.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            uint digit = (uint)text[i] - '0';
            if (digit > 9 || value > (ulong.MaxValue - digit) / 10)
            {
                value = 0;
                return false;
            }

            value = value * 10 + digit;
        }

        return true;
    }

    static uint HexDigit(byte c)
    {
        if (c >= (byte)'0' && c <= (byte)'9')
        {
            return (uint)(c - '0');
        }

        if (c >= (byte)'a' && c <= (byte)'f')
        {
            return (uint)(c - 'a' + 10);
        }

        if (c >= (byte)'A' && c <= (byte)'F')
        {
            return (uint)(c - 'A' + 10);
        }

        return uint.MaxValue;
    }
}
