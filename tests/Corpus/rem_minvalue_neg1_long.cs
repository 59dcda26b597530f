// long.MinValue % -1: mathematically 0, but CoreCLR throws System.OverflowException, and rvc must too.
using System;

class Program
{
    static long OpaqueL(long x) => x;

    static int Main()
    {
        long min = OpaqueL(long.MinValue);
        Console.WriteLine(min % 3);
        Console.WriteLine(min % -3);
        Console.WriteLine(min % long.MaxValue);
        Console.WriteLine(min / -2);
        Console.WriteLine((min + 1) % -1);
        Console.WriteLine("long.MinValue % -1 now");
        Console.WriteLine(min % OpaqueL(-1));
        return 0;
    }
}
