// A record struct's generated ToString builds a string with StringBuilder on the heap: its use is one RVC0007
// error, at the call, that says to override ToString (the rest of the record, equality and `with`, compiles).
using System;

record struct Point(int X, int Y);

class Program
{
    static int Main()
    {
        var p = new Point(1, 2);
        Console.WriteLine(p == (p with { Y = 2 }));
        Console.WriteLine(p.ToString()); // expect: RVC0007
        return 0;
    }
}
