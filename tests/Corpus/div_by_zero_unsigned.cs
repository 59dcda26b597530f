// Unsigned division by zero (byte, ushort, uint, ulong and nuint all promote or divide the same way).
using System;

class Program
{
    static uint OpaqueU(uint x) => x;

    static int Main()
    {
        byte b = 200;
        ushort us = 60000;
        uint d = OpaqueU(7);
        Console.WriteLine(b / (byte)d);
        Console.WriteLine(us % (ushort)d);
        Console.WriteLine(4000000000u / d);
        Console.WriteLine(18000000000000000000ul / d);
        Console.WriteLine((nuint)3000000000u / d);
        double fd = 1.0 / (d - 7);
        Console.WriteLine(fd > 1e308);
        Console.WriteLine("dividing by zero now");
        Console.WriteLine(4000000000u / (d - 7));
        return 0;
    }
}
