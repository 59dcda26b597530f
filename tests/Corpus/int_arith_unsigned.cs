// Unsigned 32- and 64-bit arithmetic: wrap-around, division and remainder of large values.
using System;

class Program
{
    static uint Opaque(uint x) => x;
    static ulong Opaque(ulong x) => x;

    static void UInt32Ops(uint a, uint b)
    {
        Console.Write(a); Console.Write(' '); Console.Write(b); Console.Write(": ");
        Console.Write(a + b); Console.Write(' ');
        Console.Write(a - b); Console.Write(' ');
        Console.Write(a * b); Console.Write(' ');
        Console.Write(a / b); Console.Write(' ');
        Console.Write(a % b); Console.Write(' ');
        Console.Write(~a); Console.Write(' ');
        Console.Write(-(long)a); Console.Write(' ');
        Console.Write(a < b); Console.Write(' ');
        Console.WriteLine(a >= b);
    }

    static void UInt64Ops(ulong a, ulong b)
    {
        Console.Write(a); Console.Write(' '); Console.Write(b); Console.Write(": ");
        Console.Write(a + b); Console.Write(' ');
        Console.Write(a - b); Console.Write(' ');
        Console.Write(a * b); Console.Write(' ');
        Console.Write(a / b); Console.Write(' ');
        Console.Write(a % b); Console.Write(' ');
        Console.Write(~a); Console.Write(' ');
        Console.Write(a < b); Console.Write(' ');
        Console.WriteLine(a >= b);
    }

    static int Main()
    {
        UInt32Ops(Opaque(7u), Opaque(3u));
        UInt32Ops(Opaque(uint.MaxValue), Opaque(1u));
        UInt32Ops(Opaque(uint.MaxValue), Opaque(uint.MaxValue));
        UInt32Ops(Opaque(0x80000000u), Opaque(3u));
        UInt32Ops(Opaque(0u), Opaque(1u));
        UInt32Ops(Opaque(4000000000u), Opaque(70000u));
        UInt32Ops(Opaque(65536u), Opaque(65536u));
        UInt32Ops(Opaque(0xFFFFFFFEu), Opaque(0x7FFFFFFFu));
        UInt64Ops(Opaque(7ul), Opaque(3ul));
        UInt64Ops(Opaque(ulong.MaxValue), Opaque(1ul));
        UInt64Ops(Opaque(ulong.MaxValue), Opaque(10ul));
        UInt64Ops(Opaque(0x8000000000000000ul), Opaque(3ul));
        UInt64Ops(Opaque(0xFFFFFFFFFFFFFFFEul), Opaque(0xFFFFFFFFul));
        UInt64Ops(Opaque(18000000000000000000ul), Opaque(4294967297ul));
        UInt64Ops(Opaque(0x1_0000_0000ul), Opaque(0x1_0000_0000ul));
        UInt64Ops(Opaque(12345678901234567890ul), Opaque(9876543210ul));
        UInt64Ops(Opaque(1ul), Opaque(ulong.MaxValue));

        uint h = 2166136261;
        for (uint i = 0; i < 100; i++)
        {
            h = (h ^ i) * 16777619;
        }
        Console.WriteLine(h);
        ulong x = 88172645463325252ul;
        for (int i = 0; i < 10; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            Console.WriteLine(x);
        }
        return 0;
    }
}
