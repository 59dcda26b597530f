// checked subtraction and negation; unsigned subtraction below zero ends the program with OverflowException.
using System;

class Program
{
    static int OpaqueI(int x) => x;
    static uint OpaqueU(uint x) => x;
    static long OpaqueL(long x) => x;

    static int Main()
    {
        Console.WriteLine(checked(OpaqueI(-2147483647) - 1));
        Console.WriteLine(checked(OpaqueI(2147483646) - -1));
        Console.WriteLine(checked(OpaqueL(long.MinValue + 1) - 1));
        Console.WriteLine(checked(OpaqueU(5) - 5));
        Console.WriteLine(checked(-OpaqueI(int.MaxValue)));
        Console.WriteLine(checked(-OpaqueL(long.MaxValue)));
        Console.WriteLine(checked((ulong)OpaqueL(10) - 10ul));
        Console.WriteLine(unchecked(OpaqueU(3) - 5u));
        Console.WriteLine(unchecked(-OpaqueI(int.MinValue)));
        uint remaining = OpaqueU(3);
        for (int i = 0; i < 3; i++)
        {
            remaining = checked(remaining - 1);
            Console.WriteLine(remaining);
        }
        Console.WriteLine("underflowing now");
        remaining = checked(remaining - 1);
        Console.WriteLine(remaining);
        return 0;
    }
}
