// Unsafe.ReadUnaligned/WriteUnaligned at odd addresses: a little-endian wire-format parser and builder.
using System;
using System.Runtime.CompilerServices;

unsafe class Program
{
    static int Main()
    {
        byte* buf = stackalloc byte[40];
        for (int i = 0; i < 40; i++) buf[i] = (byte)(i * 7 + 1);
        for (int offset = 0; offset < 8; offset++)
        {
            Console.Write(Unsafe.ReadUnaligned<ushort>(buf + offset)); Console.Write(' ');
            Console.Write(Unsafe.ReadUnaligned<uint>(buf + offset)); Console.Write(' ');
            Console.WriteLine(Unsafe.ReadUnaligned<ulong>(buf + offset));
        }

        Unsafe.WriteUnaligned(buf + 1, 0xDEADBEEFu);
        Unsafe.WriteUnaligned(buf + 7, 0x0123456789ABCDEFul);
        Unsafe.WriteUnaligned(buf + 19, (short)-2);
        Unsafe.WriteUnaligned(buf + 23, 3.5);
        for (int i = 0; i < 32; i++)
        {
            Console.Write(buf[i]); Console.Write(' ');
        }
        Console.WriteLine();
        Console.WriteLine(Unsafe.ReadUnaligned<uint>(buf + 1));
        Console.WriteLine(Unsafe.ReadUnaligned<long>(buf + 7));
        Console.WriteLine(Unsafe.ReadUnaligned<short>(buf + 19));
        Console.WriteLine((int)(Unsafe.ReadUnaligned<double>(buf + 23) * 2));

        // the ref-byte overloads
        Span<byte> span = new Span<byte>(buf, 40);
        ref byte at3 = ref span[3];
        Unsafe.WriteUnaligned(ref at3, 0x11223344);
        Console.WriteLine(Unsafe.ReadUnaligned<int>(ref at3));
        Console.WriteLine(Unsafe.ReadUnaligned<ushort>(ref span[4]));

        // parse a packed record: u8 kind, u32 id, u16 len, i64 stamp
        byte* rec = stackalloc byte[15];
        rec[0] = 5;
        Unsafe.WriteUnaligned(rec + 1, 123456789u);
        Unsafe.WriteUnaligned(rec + 5, (ushort)512);
        Unsafe.WriteUnaligned(rec + 7, -1234567890123L);
        Console.WriteLine(rec[0]);
        Console.WriteLine(Unsafe.ReadUnaligned<uint>(rec + 1));
        Console.WriteLine(Unsafe.ReadUnaligned<ushort>(rec + 5));
        Console.WriteLine(Unsafe.ReadUnaligned<long>(rec + 7));
        return 0;
    }
}
