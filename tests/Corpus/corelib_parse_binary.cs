using System;
using System.Buffers.Binary;

// TryParse on spans for the integer types, BinaryPrimitives, Math.Clamp and string.AsSpan(start[, length]),
// against CoreCLR, ending with AsSpan past the end (ArgumentOutOfRangeException).
class Program
{
    static void Parse(string text)
    {
        bool okInt = int.TryParse(text.AsSpan(), out int i);
        bool okUInt = uint.TryParse(text, out uint u);
        bool okLong = long.TryParse(text.AsSpan(), out long l);
        bool okULong = ulong.TryParse(text.AsSpan(), out ulong ul);
        bool okShort = short.TryParse(text.AsSpan(), out short s);
        bool okByte = byte.TryParse(text.AsSpan(), out byte b);
        bool okSByte = sbyte.TryParse(text.AsSpan(), out sbyte sb);
        bool okUShort = ushort.TryParse(text.AsSpan(), out ushort us);
        Console.WriteLine($"[{text}] {okInt}:{i} {okUInt}:{u} {okLong}:{l} {okULong}:{ul} {okShort}:{s} {okByte}:{b} {okSByte}:{sb} {okUShort}:{us}");
    }

    static int Main()
    {
        Parse("0");
        Parse("42");
        Parse("  -17 ");
        Parse("+255");
        Parse("256");
        Parse("-128");
        Parse("-129");
        Parse("-0");
        Parse("2147483647");
        Parse("2147483648");
        Parse("-2147483648");
        Parse("4294967295");
        Parse("9223372036854775807");
        Parse("-9223372036854775808");
        Parse("18446744073709551615");
        Parse("18446744073709551616");
        Parse("");
        Parse(" ");
        Parse("-");
        Parse("12a");
        Parse("1 2");
        Parse("\t7\n");

        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, 0x12345678);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.Slice(4), 0xABCD);
        BinaryPrimitives.WriteInt16BigEndian(buffer.Slice(6), -2);
        for (int k = 0; k < 8; k++)
            Console.Write($"{buffer[k]:X2} ");
        Console.WriteLine();
        Console.WriteLine($"{BinaryPrimitives.ReadUInt32LittleEndian(buffer):X8} {BinaryPrimitives.ReadUInt32BigEndian(buffer):X8} {BinaryPrimitives.ReadInt16BigEndian(buffer.Slice(6))}");
        Console.WriteLine($"{BinaryPrimitives.ReadUInt64BigEndian(buffer):X16} {BinaryPrimitives.ReadInt64LittleEndian(buffer)}");
        BinaryPrimitives.WriteInt64BigEndian(buffer, -0x0102030405060708);
        Console.WriteLine($"{BinaryPrimitives.ReadUInt64LittleEndian(buffer):X16} {BinaryPrimitives.ReverseEndianness(0x1122334455667788UL):X16} {BinaryPrimitives.ReverseEndianness((short)0x1234):X4}");
        Console.WriteLine($"{BinaryPrimitives.TryReadUInt32BigEndian(buffer.Slice(5), out uint none)} {none} {BinaryPrimitives.TryWriteUInt16BigEndian(buffer.Slice(7), 1)} {BinaryPrimitives.TryWriteUInt16BigEndian(buffer.Slice(6), 0x0102)} {buffer[6]}");

        Console.WriteLine($"{Math.Clamp(5, 1, 3)} {Math.Clamp(-5, 1, 3)} {Math.Clamp(2, 1, 3)} {Math.Clamp(7u, 8u, 9u)} {Math.Clamp(-1L, -3L, -2L)} {Math.Clamp(1.5, 0.0, 1.0)} {Math.Clamp(-0.5f, 0f, 1f)} {Math.Clamp((byte)9, (byte)1, (byte)4)}");

        string text = "hello, world";
        ReadOnlySpan<char> world = text.AsSpan(7);
        ReadOnlySpan<char> lo = text.AsSpan(3, 2);
        Console.WriteLine($"{world} {lo} {text.AsSpan(12).Length} {text.AsSpan(0, 12).Length}");
        Console.WriteLine(text.AsSpan(13).Length);
        return 0;
    }
}
