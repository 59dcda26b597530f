// nint and nuint arithmetic on values that fit in 32 bits, so every target prints the same.
using System;

class Program
{
    static nint Opaque(nint x) => x;
    static nuint Opaque(nuint x) => x;

    static int Main()
    {
        nint a = Opaque(1000);
        nint b = Opaque(-37);
        Console.WriteLine(a + b);
        Console.WriteLine(a - b);
        Console.WriteLine(a * b);
        Console.WriteLine(a / b);
        Console.WriteLine(a % b);
        Console.WriteLine(b / Opaque(5));
        Console.WriteLine(b % Opaque(5));
        Console.WriteLine(-a);
        Console.WriteLine(a << 3);
        Console.WriteLine(b >> 2);
        Console.WriteLine(b >>> 28 > 0);
        Console.WriteLine(a & b);
        Console.WriteLine(a | b);
        Console.WriteLine(a ^ b);
        Console.WriteLine(a > b);
        Console.WriteLine(a == Opaque(1000));

        nuint u = Opaque((nuint)3000000000u);
        nuint v = Opaque((nuint)7u);
        Console.WriteLine(u / v);
        Console.WriteLine(u % v);
        Console.WriteLine(u + v);
        Console.WriteLine(u - v);
        Console.WriteLine(u >> 4);
        Console.WriteLine(v << 20);
        Console.WriteLine(u > v);

        int i = -5;
        nint widened = i;
        Console.WriteLine(widened);
        uint ui = 4000000000u;
        nuint uwidened = ui;
        Console.WriteLine(uwidened);
        long l = (long)widened * 3;
        Console.WriteLine(l);
        Console.WriteLine((int)(nint)(-123456));
        Console.WriteLine((uint)(nuint)123456u);

        nint acc = 0;
        for (nint k = 0; k < 1000; k++)
        {
            acc += k * 3 - 1;
        }
        Console.WriteLine(acc);
        return 0;
    }
}
