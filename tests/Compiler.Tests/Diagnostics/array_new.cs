// Arrays live on the garbage-collected heap: use stackalloc and Span<T> instead.
using System;

class Program
{
    static int Main()
    {
        int[] values = new int[4]; // expect: RVC0006
        values[0] = 7;
        Console.WriteLine(values[0]);
        return 0;
    }
}
