// Virtual calls on classes need dispatch rvc does not support.
using System;

abstract class Shape
{
    public abstract int Area();
}

class Program
{
    static int Measure(Shape shape)
    {
        return shape.Area(); // expect: RVC0003
    }

    static int Main()
    {
        Console.WriteLine("measuring");
        return Measure(null);
    }
}
