// The core library's integer printing: extremes of every width, zero, negative numbers, chars and bools.
using System;

class Program
{
    static int Main()
    {
        Console.WriteLine(sbyte.MinValue); Console.WriteLine(sbyte.MaxValue);
        Console.WriteLine(byte.MinValue); Console.WriteLine(byte.MaxValue);
        Console.WriteLine(short.MinValue); Console.WriteLine(short.MaxValue);
        Console.WriteLine(ushort.MinValue); Console.WriteLine(ushort.MaxValue);
        Console.WriteLine(int.MinValue); Console.WriteLine(int.MaxValue);
        Console.WriteLine(uint.MinValue); Console.WriteLine(uint.MaxValue);
        Console.WriteLine(long.MinValue); Console.WriteLine(long.MaxValue);
        Console.WriteLine(ulong.MinValue); Console.WriteLine(ulong.MaxValue);
        Console.WriteLine((nint)int.MinValue); Console.WriteLine((nint)int.MaxValue);
        Console.WriteLine((nuint)uint.MaxValue); Console.WriteLine((nuint)0);
        Console.WriteLine(true); Console.WriteLine(false);
        Console.WriteLine('x'); Console.WriteLine('\t');
        Console.WriteLine("");
        Console.WriteLine();
        Console.Write(-0); Console.Write(' '); Console.Write(-1L); Console.Write(' '); Console.Write(10u); Console.Write(' ');
        Console.Write((byte)7); Console.Write(' '); Console.Write((short)-7); Console.Write(' '); Console.Write((ushort)7); Console.Write(' ');
        Console.Write((sbyte)-7); Console.Write(' '); Console.Write((nint)(-7)); Console.Write(' '); Console.Write((nuint)7);
        Console.WriteLine();
        long p = 1;
        for (int i = 0; i < 19; i++)
        {
            Console.Write(p); Console.Write(' '); Console.Write(-p); Console.Write(' '); Console.WriteLine(p - 1);
            p *= 10;
        }
        ulong up = 10000000000000000000ul;
        Console.WriteLine(up); Console.WriteLine(up - 1);
        Console.Write("no newline at the end, then one");
        Console.WriteLine();
        return 0;
    }
}
