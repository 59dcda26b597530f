namespace Kernel.Output;

using System;

/// <summary>
/// Formatted console output for the kernel, over the core library's <see cref="System.Console"/> (the NS16550A
/// UART). The core library prints strings, characters, numbers and interpolated strings (<c>Console.Write($"...")</c>
/// formats each hole on the stack, with .NET's format strings: <c>{crc:x8}</c>); this adds what a kernel log
/// needs on top: sizes in binary units and raw bytes as text. Nothing is built in memory (there is no heap):
/// every piece goes straight to the console.
/// </summary>
/// <remarks>The namespace is not <c>Kernel.Console</c> on purpose: a namespace of that name would hide
/// <see cref="System.Console"/> from every file in <c>namespace Kernel.*</c>.</remarks>
public static unsafe class Print
{
    public static void Text(string text) => Console.Write(text);

    public static void Line(string text) => Console.WriteLine(text);

    public static void Line() => Console.WriteLine();

    public static void Char(char c) => Console.Write(c);

    public static void Decimal(ulong value) => Console.Write(value);

    public static void Decimal(long value) => Console.Write(value);

    /// <summary><c>0x</c> and lower-case hex digits, no padding: <c>0x10001000</c>.</summary>
    public static void Hex(ulong value) => Console.Write($"0x{value:x}");

    /// <summary>Lower-case hex digits without prefix, zero-padded to at least <paramref name="minDigits"/> (at most
    /// 16): the format <c>x</c> with that precision, as in <c>{value:x8}</c>.</summary>
    public static void HexDigits(ulong value, int minDigits)
    {
        Span<char> format = stackalloc char[3];
        format[0] = 'x';
        ((uint)Math.Clamp(minDigits, 1, 16)).TryFormat(format.Slice(1), out int precisionLength);
        Span<char> digits = stackalloc char[16];
        value.TryFormat(digits, out int written, format.Slice(0, 1 + precisionLength));
        Console.Write($"{digits.Slice(0, written)}");
    }

    /// <summary>
    /// A byte count in the largest binary unit that divides it exactly: <c>128 MiB</c>, <c>1536 KiB</c>,
    /// <c>600 bytes</c>. Never rounded: a size in a boot log gets compared with other numbers.
    /// </summary>
    public static void Size(ulong bytes)
    {
        if (bytes == 0)
        {
            Console.Write("0 bytes");
            return;
        }

        int unit = 0;
        while (unit < 4 && (bytes & 0x3FF) == 0)
        {
            bytes >>= 10;
            unit++;
        }

        Console.Write(bytes);
        Console.Write(unit switch
        {
            0 => bytes == 1 ? " byte" : " bytes",
            1 => " KiB",
            2 => " MiB",
            3 => " GiB",
            _ => " TiB",
        });
    }

    /// <summary>
    /// Bytes as ASCII text up to the first NUL (or the end): printable characters, newline and tab as they are,
    /// any other byte as <c>.</c>, so that a binary sector cannot drive the terminal.
    /// </summary>
    public static void Ascii(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b == 0)
            {
                return;
            }

            Console.Write(b == (byte)'\n' || b == (byte)'\t' || (b >= 0x20 && b < 0x7F) ? (char)b : '.');
        }
    }

    /// <summary>Bytes as two hex digits each, separated by spaces: <c>4c 6f 72</c>.</summary>
    public static void HexBytes(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            Console.Write($"{(i == 0 ? "" : " ")}{bytes[i]:x2}");
        }
    }
}
