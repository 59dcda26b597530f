// Comparisons: signed versus unsigned at every width, mixed-width comparisons after promotion.
using System;

class Program
{
    static int OpaqueI(int x) => x;

    static void Cmp(long a, long b)
    {
        Console.Write(a < b); Console.Write(a <= b); Console.Write(a > b); Console.Write(a >= b); Console.Write(a == b); Console.Write(a != b);
        Console.Write(' ');
    }

    static void CmpU(ulong a, ulong b)
    {
        Console.Write(a < b ? 'L' : a > b ? 'G' : 'E');
    }

    static int Main()
    {
        int m1 = OpaqueI(-1);
        int one = OpaqueI(1);
        Console.WriteLine(m1 < one);
        Console.WriteLine((uint)m1 < (uint)one);
        Console.WriteLine((long)m1 < (long)(uint)one);
        Console.WriteLine((ulong)m1 > (ulong)one);
        Console.WriteLine((sbyte)m1 < (sbyte)one);
        Console.WriteLine((byte)m1 > (byte)one);
        Console.WriteLine((short)m1 < (short)one);
        Console.WriteLine((ushort)m1 > (ushort)one);
        Console.WriteLine((char)m1 > (char)one);
        Console.WriteLine((nint)m1 < (nint)one);
        Console.WriteLine((nuint)(uint)m1 > (nuint)one);
        uint big = 3000000000u;
        int neg = OpaqueI(-5);
        Console.WriteLine(big > neg); // both promoted to long
        Console.WriteLine(big > (uint)neg);
        Cmp(OpaqueI(3), OpaqueI(5));
        Cmp(OpaqueI(5), OpaqueI(5));
        Cmp(long.MinValue, long.MaxValue);
        Cmp(0x1_0000_0000, 0x0_FFFF_FFFF);
        Cmp(-0x1_0000_0000, -0x0_FFFF_FFFF);
        Console.WriteLine();
        CmpU(0, 1); CmpU(ulong.MaxValue, 0); CmpU(0x8000_0000_0000_0000, 0x7FFF_FFFF_FFFF_FFFF);
        CmpU(0x1_0000_0000, 0xFFFF_FFFF); CmpU(0xFFFF_FFFF_0000_0000, 0xFFFF_FFFF_0000_0001); CmpU(42, 42);
        Console.WriteLine();
        int count = 0;
        for (int a = -3; a <= 3; a++)
        {
            for (int b = -3; b <= 3; b++)
            {
                if ((uint)a < (uint)b) count += 1;
                if (a < b) count += 100;
                if ((ulong)(long)a <= (ulong)(long)b) count += 10000;
            }
        }
        Console.WriteLine(count);
        // range check idiom: (uint)(x - lo) <= (uint)(hi - lo)
        for (int x = -2; x <= 12; x += 2)
        {
            Console.Write((uint)(x - 0) < 10u ? 'y' : 'n');
        }
        Console.WriteLine();
        return 0;
    }
}
