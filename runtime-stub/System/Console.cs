namespace System;

using System.Runtime.CompilerServices;
using Internal.Runtime;

/// <summary>
/// Standard output: Linux stdout on the host, the NS16550A UART on QEMU virt
/// (<see cref="Platform"/>). Output is UTF-8 and byte-for-byte what .NET prints on Linux:
/// "\n" newlines, "True"/"False", invariant decimal integers, U+FFFD for unpaired surrogates.
/// Each call formats on the stack and emits its bytes in one write.
/// The sbyte, byte, short, ushort, nint and nuint overloads do not exist in .NET, where
/// such arguments convert to int, long or ulong: the output is the same either way.
/// </summary>
public static unsafe partial class Console
{
    // Bytes encoded on the stack before each write to the platform.
    private const int BufferSize = 128;

    // A high surrogate that ended the previous write, waiting for its low half: .NET's
    // console encoder keeps it across calls, so Write('\uD83D') then Write('\uDE00')
    // prints one emoji there too. Zero when none.
    private static char s_pendingHighSurrogate;

    public static void WriteLine() => WriteUtf16(null, 0, newLine: true);

    public static void Write(string? value) => WriteString(value, newLine: false);

    public static void WriteLine(string? value) => WriteString(value, newLine: true);

    public static void Write(char value) => WriteUtf16(&value, 1, newLine: false);

    public static void WriteLine(char value) => WriteUtf16(&value, 1, newLine: true);

    public static void Write(bool value) => WriteString(value ? "True" : "False", newLine: false);

    public static void WriteLine(bool value) => WriteString(value ? "True" : "False", newLine: true);

    public static void Write(sbyte value) => WriteSigned(value, newLine: false);

    public static void WriteLine(sbyte value) => WriteSigned(value, newLine: true);

    public static void Write(byte value) => WriteUnsigned(value, newLine: false);

    public static void WriteLine(byte value) => WriteUnsigned(value, newLine: true);

    public static void Write(short value) => WriteSigned(value, newLine: false);

    public static void WriteLine(short value) => WriteSigned(value, newLine: true);

    public static void Write(ushort value) => WriteUnsigned(value, newLine: false);

    public static void WriteLine(ushort value) => WriteUnsigned(value, newLine: true);

    public static void Write(int value) => WriteSigned(value, newLine: false);

    public static void WriteLine(int value) => WriteSigned(value, newLine: true);

    public static void Write(uint value) => WriteUnsigned(value, newLine: false);

    public static void WriteLine(uint value) => WriteUnsigned(value, newLine: true);

    public static void Write(long value) => WriteSigned(value, newLine: false);

    public static void WriteLine(long value) => WriteSigned(value, newLine: true);

    public static void Write(ulong value) => WriteUnsigned(value, newLine: false);

    public static void WriteLine(ulong value) => WriteUnsigned(value, newLine: true);

    public static void Write(nint value) => WriteSigned(value, newLine: false);

    public static void WriteLine(nint value) => WriteSigned(value, newLine: true);

    public static void Write(nuint value) => WriteUnsigned(value, newLine: false);

    public static void WriteLine(nuint value) => WriteUnsigned(value, newLine: true);

    private static void WriteString(string? value, bool newLine)
    {
        if (value is null)
        {
            // .NET prints nothing for null (and just the newline for WriteLine).
            WriteUtf16(null, 0, newLine);
            return;
        }

        // Objects never move (no GC), so a raw pointer to the characters is safe without fixed.
        WriteUtf16((char*)Unsafe.AsPointer(ref value.GetRawStringData()), value.Length, newLine);
    }

    private static void WriteSigned(long value, bool newLine)
    {
        char* buffer = stackalloc char[Number.MaxInt64Chars];
        char* end = buffer + Number.MaxInt64Chars;
        char* start = Number.Int64ToDecimal(value, end);
        WriteUtf16(start, (int)(end - start), newLine);
    }

    private static void WriteUnsigned(ulong value, bool newLine)
    {
        char* buffer = stackalloc char[Number.MaxInt64Chars];
        char* end = buffer + Number.MaxInt64Chars;
        char* start = Number.UInt64ToDecimal(value, end);
        WriteUtf16(start, (int)(end - start), newLine);
    }

    /// <summary>Encodes UTF-16 as UTF-8 (pairs joined, unpaired surrogates as U+FFFD) and writes it.</summary>
    internal static void WriteUtf16(char* chars, int length, bool newLine)
    {
        byte* buffer = stackalloc byte[BufferSize];
        int used = 0;
        uint high = s_pendingHighSurrogate;
        int total = newLine ? length + 1 : length;
        for (int i = 0; i < total; i++)
        {
            // One step emits at most 3 bytes (replacement) + 4 bytes (a pair).
            if (used > BufferSize - 7)
            {
                Platform.Write(buffer, used);
                used = 0;
            }

            uint c = i < length ? chars[i] : '\n';
            if (high != 0)
            {
                if (c - 0xDC00u <= 0x3FFu)
                {
                    uint codePoint = 0x10000u + ((high - 0xD800u) << 10) + (c - 0xDC00u);
                    buffer[used] = (byte)(0xF0u | (codePoint >> 18));
                    buffer[used + 1] = (byte)(0x80u | ((codePoint >> 12) & 0x3Fu));
                    buffer[used + 2] = (byte)(0x80u | ((codePoint >> 6) & 0x3Fu));
                    buffer[used + 3] = (byte)(0x80u | (codePoint & 0x3Fu));
                    used += 4;
                    high = 0;
                    continue;
                }

                used = AppendReplacementChar(buffer, used);
                high = 0;
            }

            if (c < 0x80u)
            {
                buffer[used++] = (byte)c;
            }
            else if (c < 0x800u)
            {
                buffer[used] = (byte)(0xC0u | (c >> 6));
                buffer[used + 1] = (byte)(0x80u | (c & 0x3Fu));
                used += 2;
            }
            else if (c - 0xD800u <= 0x3FFu)
            {
                high = c;
            }
            else if (c - 0xDC00u <= 0x3FFu)
            {
                used = AppendReplacementChar(buffer, used);
            }
            else
            {
                buffer[used] = (byte)(0xE0u | (c >> 12));
                buffer[used + 1] = (byte)(0x80u | ((c >> 6) & 0x3Fu));
                buffer[used + 2] = (byte)(0x80u | (c & 0x3Fu));
                used += 3;
            }
        }

        s_pendingHighSurrogate = (char)high;
        if (used != 0)
        {
            Platform.Write(buffer, used);
        }
    }

    // U+FFFD, what .NET's UTF-8 encoder substitutes for an unpaired surrogate.
    private static int AppendReplacementChar(byte* buffer, int used)
    {
        buffer[used] = 0xEF;
        buffer[used + 1] = 0xBF;
        buffer[used + 2] = 0xBD;
        return used + 3;
    }
}
