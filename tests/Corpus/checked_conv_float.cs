// checked floating-point to integer conversions: truncation toward zero within range,
// then NaN to int ends the program with OverflowException.
using System;

class Program
{
    static double OpaqueD(double x) => x;
    static float OpaqueF(float x) => x;

    static int Main()
    {
        Console.WriteLine(checked((int)OpaqueD(2147483647.9)));
        Console.WriteLine(checked((int)OpaqueD(-2147483648.9)));
        Console.WriteLine(checked((uint)OpaqueD(-0.9)));
        Console.WriteLine(checked((uint)OpaqueD(4294967295.5)));
        Console.WriteLine(checked((long)OpaqueD(-9223372036854775808.0)));
        Console.WriteLine(checked((ulong)OpaqueD(18446744073709549568.0)));
        Console.WriteLine(checked((byte)OpaqueD(255.99)));
        Console.WriteLine(checked((sbyte)OpaqueD(-128.5)));
        Console.WriteLine(checked((short)OpaqueF(-32768.75f)));
        Console.WriteLine(checked((ushort)OpaqueF(65535.5f)));
        Console.WriteLine(checked((int)OpaqueF(-2147483648.0f)));
        Console.WriteLine("converting NaN to int");
        Console.WriteLine(checked((int)OpaqueD(double.NaN)));
        return 0;
    }
}
