namespace User;

using System;

/// <summary>
/// Console output for user programs, a line at a time: text, numbers and bytes are gathered in a buffer and written
/// with one write system call per line (or when the buffer fills), instead of one call per piece. Everything a
/// program prints should go through here (or call <see cref="Flush"/> before <c>Console</c>), so the order holds.
/// </summary>
public static unsafe class Out
{
    const int Capacity = 256;

    static Buffer s_buffer;
    static int s_length;

    public static void Text(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            Byte((byte)text[i]);
        }
    }

    public static void Line(string text)
    {
        Text(text);
        Line();
    }

    public static void Line()
    {
        Byte((byte)'\n');
        Flush();
    }

    public static void Bytes(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            Byte(bytes[i]);
        }
    }

    public static void Char(char c) => Byte((byte)c);

    public static void Byte(byte b)
    {
        if (s_length == Capacity)
        {
            Flush();
        }

        s_buffer[s_length++] = b;
    }

    public static void Decimal(ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        int n = 0;
        do
        {
            digits[n++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);

        while (n > 0)
        {
            Byte(digits[--n]);
        }
    }

    public static void Decimal(long value)
    {
        if (value < 0)
        {
            Byte((byte)'-');
            Decimal((ulong)(-value));
        }
        else
        {
            Decimal((ulong)value);
        }
    }

    /// <summary>Lower-case hex, at least <paramref name="minDigits"/> digits, no prefix.</summary>
    public static void HexDigits(ulong value, int minDigits)
    {
        int digits = 1;
        while (digits < 16 && (value >> (digits * 4)) != 0)
        {
            digits++;
        }

        if (digits < minDigits)
        {
            digits = minDigits;
        }

        for (int i = digits - 1; i >= 0; i--)
        {
            int d = (int)((value >> (i * 4)) & 0xF);
            Byte((byte)(d < 10 ? '0' + d : 'a' + d - 10));
        }
    }

    /// <summary><c>0x</c> and the value in hex.</summary>
    public static void Hex(ulong value)
    {
        Text("0x");
        HexDigits(value, 1);
    }

    public static void Flush()
    {
        if (s_length == 0)
        {
            return;
        }

        fixed (byte* p = &s_buffer[0])
        {
            Sys.Write(p, s_length);
        }

        s_length = 0;
    }

    [System.Runtime.CompilerServices.InlineArray(Capacity)]
    struct Buffer
    {
        byte _first;
    }
}
