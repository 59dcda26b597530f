// checked conversion of a negative value to an unsigned type ends the program with OverflowException.
using System;

class Program
{
    static long OpaqueL(long x) => x;

    static int Main()
    {
        long v = OpaqueL(5);
        while (v >= 0)
        {
            Console.WriteLine(checked((ulong)v));
            v -= 2;
        }
        Console.WriteLine("converting -1 to ulong");
        Console.WriteLine(checked((ulong)v));
        return 0;
    }
}
