// Signed 32- and 64-bit arithmetic: wrap-around, negation, division and remainder with every sign.
using System;

class Program
{
    static int Opaque(int x) => x;
    static long Opaque(long x) => x;

    static void Int32Ops(int a, int b)
    {
        Console.Write(a); Console.Write(' '); Console.Write(b); Console.Write(": ");
        Console.Write(a + b); Console.Write(' ');
        Console.Write(a - b); Console.Write(' ');
        Console.Write(a * b); Console.Write(' ');
        if (b != 0)
        {
            Console.Write(a / b); Console.Write(' ');
            Console.Write(a % b); Console.Write(' ');
        }
        Console.Write(-a); Console.Write(' ');
        Console.Write(~a); Console.Write(' ');
        Console.Write(a & b); Console.Write(' ');
        Console.Write(a | b); Console.Write(' ');
        Console.WriteLine(a ^ b);
    }

    static void Int64Ops(long a, long b)
    {
        Console.Write(a); Console.Write(' '); Console.Write(b); Console.Write(": ");
        Console.Write(a + b); Console.Write(' ');
        Console.Write(a - b); Console.Write(' ');
        Console.Write(a * b); Console.Write(' ');
        if (b != 0)
        {
            Console.Write(a / b); Console.Write(' ');
            Console.Write(a % b); Console.Write(' ');
        }
        Console.Write(-a); Console.Write(' ');
        Console.Write(~a); Console.Write(' ');
        Console.Write(a & b); Console.Write(' ');
        Console.Write(a | b); Console.Write(' ');
        Console.WriteLine(a ^ b);
    }

    static int Main()
    {
        Int32Ops(Opaque(7), Opaque(3));
        Int32Ops(Opaque(-7), Opaque(3));
        Int32Ops(Opaque(7), Opaque(-3));
        Int32Ops(Opaque(-7), Opaque(-3));
        Int32Ops(Opaque(int.MaxValue), Opaque(1));
        Int32Ops(Opaque(int.MinValue), Opaque(1));
        Int32Ops(Opaque(int.MinValue), Opaque(2));
        Int32Ops(Opaque(int.MinValue), Opaque(int.MaxValue));
        Int32Ops(Opaque(123456789), Opaque(-987654));
        Int32Ops(Opaque(0), Opaque(-5));
        Int32Ops(Opaque(46341), Opaque(46341));
        Int64Ops(Opaque(7L), Opaque(3L));
        Int64Ops(Opaque(-7L), Opaque(3L));
        Int64Ops(Opaque(7L), Opaque(-3L));
        Int64Ops(Opaque(-7L), Opaque(-3L));
        Int64Ops(Opaque(long.MaxValue), Opaque(1L));
        Int64Ops(Opaque(long.MinValue), Opaque(1L));
        Int64Ops(Opaque(long.MinValue), Opaque(2L));
        Int64Ops(Opaque(0x123456789ABCDEFL), Opaque(-0x1000000L));
        Int64Ops(Opaque(4294967296L), Opaque(4294967295L));
        Int64Ops(Opaque(-4294967296L), Opaque(65537L));
        Int64Ops(Opaque(3037000500L), Opaque(3037000500L));

        int acc = 1;
        for (int i = 0; i < 40; i++)
        {
            acc = acc * 31 + i;
        }
        Console.WriteLine(acc);
        long lacc = 1;
        for (int i = 0; i < 40; i++)
        {
            lacc = lacc * 1000003 - i;
        }
        Console.WriteLine(lacc);
        return 0;
    }
}
