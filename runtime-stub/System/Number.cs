namespace System;

/// <summary>
/// Integer formatting without a heap: digits are written backwards into a caller's buffer
/// (usually <c>stackalloc</c>), ending just before <c>end</c>; the start is returned.
/// </summary>
internal static unsafe partial class Number
{
    /// <summary>Enough for "-9223372036854775808" and for 16 hex digits.</summary>
    internal const int MaxInt64Chars = 20;

    internal static char* UInt64ToDecimal(ulong value, char* end)
    {
        // 64-bit division is a call to __udivdi3 on rv32, so use it only while the value
        // needs more than 32 bits, then finish with native 32-bit division.
        while (value > uint.MaxValue)
        {
            ulong quotient = value / 10;
            *--end = (char)('0' + (uint)(value - (quotient * 10)));
            value = quotient;
        }

        uint low = (uint)value;
        do
        {
            uint quotient = low / 10;
            *--end = (char)('0' + (low - (quotient * 10)));
            low = quotient;
        }
        while (low != 0);

        return end;
    }

    internal static char* Int64ToDecimal(long value, char* end)
    {
        if (value >= 0)
        {
            return UInt64ToDecimal((ulong)value, end);
        }

        // 0 - (ulong)value is the magnitude, including for long.MinValue.
        end = UInt64ToDecimal(unchecked(0 - (ulong)value), end);
        *--end = '-';
        return end;
    }

    /// <summary>Lower-case hexadecimal digits without prefix or padding.</summary>
    internal static char* UInt64ToHex(ulong value, char* end)
    {
        do
        {
            uint digit = (uint)value & 0xF;
            *--end = (char)(digit < 10 ? '0' + digit : 'a' - 10 + digit);
            value >>= 4;
        }
        while (value != 0);

        return end;
    }
}
