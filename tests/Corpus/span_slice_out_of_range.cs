// Slicing past the end of a span ends the program with ArgumentOutOfRangeException.
using System;

class Program
{
    static int Main()
    {
        Span<byte> buffer = stackalloc byte[16];
        Console.WriteLine(buffer.Slice(8).Length);
        Console.WriteLine(buffer.Slice(16).Length);
        Console.WriteLine(buffer.Slice(4, 12).Length);
        Console.WriteLine("slicing 17 now");
        Console.WriteLine(buffer.Slice(17).Length);
        return 0;
    }
}
