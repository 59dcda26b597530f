// 64-bit remainder by zero ends the program with DivideByZeroException (also on rv32, via the helpers).
using System;

class Program
{
    static long OpaqueL(long x) => x;

    static int Main()
    {
        long big = OpaqueL(0x7654_3210_FEDC_BA98);
        for (long d = OpaqueL(3_000_000_000); d > 0; d /= 7)
        {
            Console.Write(big % d); Console.Write(' ');
        }
        Console.WriteLine();
        ulong ubig = (ulong)OpaqueL(-1);
        Console.WriteLine(ubig % 1000000007ul);
        Console.WriteLine("remainder by zero now");
        Console.WriteLine(big % OpaqueL(0));
        return 0;
    }
}
