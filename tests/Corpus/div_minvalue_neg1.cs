// int.MinValue / -1 overflows: CoreCLR throws System.OverflowException (not DivideByZeroException).
using System;

class Program
{
    static int OpaqueI(int x) => x;

    static int Main()
    {
        int min = OpaqueI(int.MinValue);
        Console.WriteLine(min / 1);
        Console.WriteLine(min / -2);
        Console.WriteLine(min % -2);
        Console.WriteLine((min + 1) / -1);
        Console.WriteLine((long)min / -1);
        Console.WriteLine(unchecked(-min));
        Console.WriteLine("dividing int.MinValue by -1 now");
        Console.WriteLine(min / OpaqueI(-1));
        return 0;
    }
}
