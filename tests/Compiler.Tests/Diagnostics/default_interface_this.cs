// A default interface method called on a struct through a constraint is compiled for the struct, with calls on
// 'this' going to the struct's members (no box). Passing 'this' on as an object would need the box: RVC0001 there.
using System;

interface IShape
{
    int Sides { get; }

    int Corners() => Sides;

    int Describe() => Count(this); // expect: RVC0001

    static int Count(IShape shape) => 1;
}

struct Square : IShape
{
    public int Sides => 4;
}

class Program
{
    static int Corners<T>(T shape) where T : IShape => shape.Corners();

    static int Describe<T>(T shape) where T : IShape => shape.Describe();

    static int Main()
    {
        Console.WriteLine(Corners(new Square()));
        return Describe(new Square());
    }
}
