// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): a lookup table built at run time in stackalloc'ed
// memory, a bitwise implementation to check it, and CRCs of ASCII text, UTF-8 literals and RVA data.
using System;

class Program
{
    static ReadOnlySpan<byte> Blob => [0x00, 0xFF, 0x10, 0x20, 0x7F, 0x80, 0xAA, 0x55, 0x01, 0xFE];

    static void BuildTable(Span<uint> table)
    {
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[(int)i] = c;
        }
    }

    static uint Crc(ReadOnlySpan<uint> table, ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data) crc = table[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        return ~crc;
    }

    static uint CrcBitwise(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    static int Main()
    {
        Span<uint> table = stackalloc uint[256];
        BuildTable(table);
        Console.WriteLine(table[1]);
        Console.WriteLine(table[255]);
        Console.WriteLine(Crc(table, "123456789"u8));
        Console.WriteLine(CrcBitwise("123456789"u8));
        Console.WriteLine(Crc(table, "The quick brown fox jumps over the lazy dog"u8));
        Console.WriteLine(Crc(table, ""u8));
        Console.WriteLine(Crc(table, Blob));
        Console.WriteLine(CrcBitwise(Blob));
        Span<byte> big = stackalloc byte[4096];
        for (int i = 0; i < big.Length; i++) big[i] = (byte)(i * 31 + (i >> 8));
        Console.WriteLine(Crc(table, big));
        Console.WriteLine(Crc(table, big) == CrcBitwise(big));
        // CRC of a string's UTF-16 code units, low byte first
        string s = "héllo";
        Span<byte> utf16 = stackalloc byte[s.Length * 2];
        for (int i = 0; i < s.Length; i++) { utf16[2 * i] = (byte)s[i]; utf16[2 * i + 1] = (byte)(s[i] >> 8); }
        Console.WriteLine(Crc(table, utf16));
        return 0;
    }
}
