// checked addition: in-range sums at every width succeed, then an int overflow ends the program
// with System.OverflowException.
using System;

class Program
{
    static int OpaqueI(int x) => x;

    static int Main()
    {
        int a = OpaqueI(2147483600);
        Console.WriteLine(checked(a + 47));
        Console.WriteLine(checked(OpaqueI(-2147483600) + -48));
        Console.WriteLine(checked((uint)a + 2147483695u));
        Console.WriteLine(checked(9223372036854775800L + (long)OpaqueI(7)));
        Console.WriteLine(checked(18446744073709551600ul + (ulong)OpaqueI(15)));
        Console.WriteLine(checked((nint)OpaqueI(1000) + 24));
        byte b = (byte)OpaqueI(250);
        b = checked((byte)(b + 5));
        Console.WriteLine(b);
        short s = (short)OpaqueI(32760);
        s = checked((short)(s + 7));
        Console.WriteLine(s);
        int total = 0;
        for (int i = 0; i < 1000; i++)
        {
            total = checked(total + i);
        }
        Console.WriteLine(total);
        // wraps silently when unchecked
        Console.WriteLine(unchecked(a + 100));
        Console.WriteLine("overflowing now");
        int boom = checked(a + OpaqueI(48));
        Console.WriteLine(boom);
        return 0;
    }
}
