// int.ToString() and double.ToString("F2") build strings on the heap: refused, with what to write instead.
using System;

class Program
{
    static string Hex(double d) => d.ToString("F2"); // expect: RVC0007

    static int Main()
    {
        int n = 42;
        string a = n.ToString(); // expect: RVC0007
        Console.WriteLine(a);
        Console.WriteLine(Hex(1.5));
        return 0;
    }
}
