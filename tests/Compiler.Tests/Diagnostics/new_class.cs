// Only exception classes may be created (for throw); any other class instance is rejected.
using System;

class Point
{
    public int X;
    public int Y;
}

class Program
{
    static int Main()
    {
        Point p = new Point(); // expect: RVC0002
        p.X = 1;
        Console.WriteLine(p.X);
        return 0;
    }
}
