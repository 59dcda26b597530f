// Checksums over spans: the Internet checksum (RFC 1071) of an IPv4 header, Adler-32, Fletcher-16,
// and a running XOR/sum, over RVA data and stack buffers.
using System;

class Program
{
    static ReadOnlySpan<byte> Ipv4Header =>
    [
        0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00,
        0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
    ];

    static ushort InternetChecksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        int i = 0;
        for (; i + 1 < data.Length; i += 2) sum += (uint)(data[i] << 8 | data[i + 1]);
        if (i < data.Length) sum += (uint)(data[i] << 8);
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    static uint Adler32(ReadOnlySpan<byte> data)
    {
        uint a = 1, b = 0;
        foreach (byte d in data)
        {
            a = (a + d) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    static ushort Fletcher16(ReadOnlySpan<byte> data)
    {
        int s1 = 0, s2 = 0;
        foreach (byte d in data)
        {
            s1 = (s1 + d) % 255;
            s2 = (s2 + s1) % 255;
        }
        return (ushort)((s2 << 8) | s1);
    }

    static int Main()
    {
        ushort csum = InternetChecksum(Ipv4Header);
        Console.WriteLine(csum);
        Span<byte> header = stackalloc byte[20];
        Ipv4Header.CopyTo(header);
        header[10] = (byte)(csum >> 8);
        header[11] = (byte)csum;
        Console.WriteLine(InternetChecksum(header));
        Console.WriteLine(InternetChecksum("odd"u8));
        Console.WriteLine(Adler32("Wikipedia"u8));
        Console.WriteLine(Adler32(ReadOnlySpan<byte>.Empty));
        Console.WriteLine(Fletcher16("abcde"u8));
        Console.WriteLine(Fletcher16("abcdef"u8));
        Span<byte> block = stackalloc byte[1500];
        for (int i = 0; i < block.Length; i++) block[i] = (byte)(i ^ (i >> 3));
        Console.WriteLine(Adler32(block));
        Console.WriteLine(Fletcher16(block));
        Console.WriteLine(InternetChecksum(block));
        byte x = 0;
        int sum = 0;
        foreach (byte b in block) { x ^= b; sum += b; }
        Console.WriteLine(x);
        Console.WriteLine(sum);
        return 0;
    }
}
