// checked multiplication at every width, then a 64-bit product that overflows ends the program.
using System;

class Program
{
    static long OpaqueL(long x) => x;
    static ulong OpaqueUL(ulong x) => x;
    static int OpaqueI(int x) => x;

    static int Main()
    {
        Console.WriteLine(checked(OpaqueI(46340) * 46340));
        Console.WriteLine(checked(OpaqueI(-46340) * 46341));
        Console.WriteLine(checked((uint)OpaqueI(65535) * 65537u));
        Console.WriteLine(checked(OpaqueL(3037000499) * 3037000499));
        Console.WriteLine(checked(OpaqueL(-3037000499) * 3037000499));
        Console.WriteLine(checked(OpaqueL(long.MinValue) * 1));
        Console.WriteLine(checked(OpaqueL(-4611686018427387904) * 2));
        Console.WriteLine(checked(OpaqueUL(4294967295) * 4294967297));
        Console.WriteLine(checked(OpaqueUL(0) * ulong.MaxValue));
        Console.WriteLine(checked((nint)OpaqueI(40000) * 50000 > 0));
        long factorial = 1;
        for (int i = 1; i <= 20; i++)
        {
            factorial = checked(factorial * i);
        }
        Console.WriteLine(factorial);
        Console.WriteLine(unchecked(factorial * 21));
        Console.WriteLine("overflowing now");
        factorial = checked(factorial * OpaqueL(21));
        Console.WriteLine(factorial);
        return 0;
    }
}
