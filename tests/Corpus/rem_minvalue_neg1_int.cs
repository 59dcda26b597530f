// int.MinValue % -1: mathematically 0, but CoreCLR throws System.OverflowException; the small types promote to int and give 0.
using System;

class Program
{
    static int OpaqueI(int x) => x;

    static int Main()
    {
        int min = OpaqueI(int.MinValue);
        Console.WriteLine(min % 2);
        Console.WriteLine(min % -5);
        Console.WriteLine((sbyte)-128 % (sbyte)-1);
        Console.WriteLine((short)-32768 % (short)-1);
        Console.WriteLine("int.MinValue % -1 now");
        Console.WriteLine(min % OpaqueI(-1));
        Console.WriteLine("still alive");
        return 0;
    }
}
