// 64-bit arithmetic that rv32 must synthesize from 32-bit halves: carries, borrows, multiplication,
// division, shifts across the halves, and comparisons of the high and low words.
using System;

class Program
{
    static ulong OpaqueU(ulong x) => x;
    static long OpaqueL(long x) => x;

    // 64x64 -> 128 multiplication from 32-bit parts
    static ulong MulHigh(ulong a, ulong b, out ulong low)
    {
        ulong aLo = (uint)a, aHi = a >> 32, bLo = (uint)b, bHi = b >> 32;
        ulong p0 = aLo * bLo, p1 = aLo * bHi, p2 = aHi * bLo, p3 = aHi * bHi;
        ulong mid = (p0 >> 32) + (uint)p1 + (uint)p2;
        low = (mid << 32) | (uint)p0;
        return p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32);
    }

    static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            ulong t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    static ulong ModPow(ulong b, ulong e, ulong m)
    {
        ulong result = 1;
        b %= m;
        while (e > 0)
        {
            if ((e & 1) != 0) result = result * b % m;
            b = b * b % m;
            e >>= 1;
        }
        return result;
    }

    static int Main()
    {
        ulong a = OpaqueU(0xFFFF_FFFF);
        Console.WriteLine(a + 1);
        Console.WriteLine(OpaqueU(0x1_0000_0000) - 1);
        Console.WriteLine(a * a);
        Console.WriteLine(OpaqueU(0x1_0000_0001) * OpaqueU(0x1_0000_0001));
        ulong lo;
        ulong hi = MulHigh(OpaqueU(0xDEAD_BEEF_CAFE_F00D), OpaqueU(0x0123_4567_89AB_CDEF), out lo);
        Console.WriteLine(hi); Console.WriteLine(lo);
        hi = MulHigh(ulong.MaxValue, ulong.MaxValue, out lo);
        Console.WriteLine(hi); Console.WriteLine(lo);
        Console.WriteLine(Gcd(OpaqueU(1071_000_000_000), OpaqueU(462_000_000_000)));
        Console.WriteLine(Gcd(OpaqueU(12_200_160_415_121_876_738), OpaqueU(7_540_113_804_746_346_429)));
        Console.WriteLine(ModPow(2, 1_000_000, 1_000_000_007));
        Console.WriteLine(ModPow(3, 0xFFFF_FFFF_FFFF, 4_294_967_291));
        long s = OpaqueL(-1);
        Console.WriteLine(s >> 32);
        Console.WriteLine(s << 32);
        Console.WriteLine((long)((ulong)s >> 31));
        Console.WriteLine(OpaqueL(0x0000_0001_8000_0000) >> 31);
        Console.WriteLine(OpaqueL(0x0000_0000_8000_0000) << 1);
        Console.WriteLine(OpaqueL(-0x1_0000_0000) / 3);
        Console.WriteLine(OpaqueL(-0x1_0000_0000) % 3);
        Console.WriteLine(OpaqueL(0x7FFF_FFFF_FFFF_FFFF) / OpaqueL(0x1_0000_0001));
        Console.WriteLine(OpaqueU(0xFFFF_FFFF_FFFF_FFFF) / OpaqueU(0xFFFF_FFFF_FFFF_FFFE));
        Console.WriteLine(OpaqueU(0x8000_0000_0000_0000) / OpaqueU(0x8000_0000_0000_0001));
        Console.WriteLine(OpaqueL(0x1_0000_0000) > OpaqueL(0x0_FFFF_FFFF));
        Console.WriteLine(OpaqueL(-0x1_0000_0000) < OpaqueL(-0x0_FFFF_FFFF));
        Console.WriteLine(OpaqueU(0x1_0000_0000) < OpaqueU(0x0_FFFF_FFFF));
        Console.WriteLine(OpaqueL(0x1_0000_0000) == OpaqueL(0x2_0000_0000) >> 1);
        ulong fib0 = 0, fib1 = 1;
        for (int i = 0; i < 93; i++)
        {
            ulong t = fib0 + fib1;
            fib0 = fib1;
            fib1 = t;
        }
        Console.WriteLine(fib0);
        return 0;
    }
}
