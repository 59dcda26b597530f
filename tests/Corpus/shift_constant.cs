// Shifts by constants, arithmetic versus logical right shifts, and shift-based tricks.
using System;

class Program
{
    static int OpaqueI(int x) => x;
    static long OpaqueL(long x) => x;

    static int Main()
    {
        int m = OpaqueI(-8);
        Console.WriteLine(m >> 1);
        Console.WriteLine(m >>> 1);
        Console.WriteLine((uint)m >> 1);
        Console.WriteLine(m << 31);
        Console.WriteLine(m >> 31);
        Console.WriteLine(m >>> 31);
        Console.WriteLine(OpaqueI(1) << 31);
        Console.WriteLine(OpaqueI(1) << 32);
        Console.WriteLine(OpaqueI(1) << 33);
        Console.WriteLine(OpaqueL(1) << 63);
        Console.WriteLine(OpaqueL(1) << 64);
        Console.WriteLine(OpaqueL(1) << 32);
        Console.WriteLine(OpaqueL(-1) >>> 1);
        Console.WriteLine(OpaqueL(-1) >> 40);
        Console.WriteLine(OpaqueL(long.MinValue) >> 63);
        Console.WriteLine((ulong)OpaqueL(long.MinValue) >> 63);
        Console.WriteLine(OpaqueL(0x1234_5678_9ABC_DEF0) >> 36);
        Console.WriteLine(OpaqueL(0x1234_5678_9ABC_DEF0) << 28);

        // sign of x without branches, abs without branches, division by powers of two
        for (int x = -5; x <= 5; x += 5)
        {
            int sign = (x >> 31) | (int)((uint)-x >> 31);
            int mask = x >> 31;
            int abs = (x + mask) ^ mask;
            Console.Write(sign); Console.Write(' '); Console.Write(abs); Console.Write(' ');
        }
        Console.WriteLine();
        for (int x = -9; x <= 9; x += 3)
        {
            Console.Write(x / 4); Console.Write(' '); Console.Write(x >> 2); Console.Write(' ');
            Console.Write(x % 4); Console.Write(' '); Console.Write(x & 3); Console.Write(' ');
        }
        Console.WriteLine();
        ulong u = 0xDEAD_BEEF_CAFE_BABEul;
        Console.WriteLine((uint)(u >> 32));
        Console.WriteLine((uint)u);
        Console.WriteLine((ushort)(u >> 16));
        Console.WriteLine((byte)(u >> 56));
        return 0;
    }
}
