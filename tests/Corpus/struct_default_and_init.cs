// Struct construction: default(T), parameterless constructors (C# 10), field initializers, constructor
// chaining, object initializers, with-expressions, and readonly structs.
using System;

struct WithDefaults
{
    public int A = 5;
    public long B = -1;
    public bool C;

    public WithDefaults() { C = true; }
    public WithDefaults(int a) : this() { A = a; }
}

readonly struct Frozen
{
    public int X { get; init; }
    public int Y { get; init; }
    public Frozen(int x, int y) { X = x; Y = y; }
    public Frozen WithX(int x) => new Frozen(x, Y);
    public int Sum => X + Y;
}

struct Builder
{
    public int Width;
    public int Height;
    public byte Depth;
}

class Program
{
    static T Make<T>() where T : struct => default;

    static int Main()
    {
        WithDefaults d = default;
        Console.WriteLine(d.A); Console.WriteLine(d.B); Console.WriteLine(d.C);
        WithDefaults n = new WithDefaults();
        Console.WriteLine(n.A); Console.WriteLine(n.B); Console.WriteLine(n.C);
        WithDefaults p = new WithDefaults(9);
        Console.WriteLine(p.A); Console.WriteLine(p.C);
        Console.WriteLine(Make<WithDefaults>().A);

        var f = new Frozen(3, 4);
        Frozen g = f.WithX(30);
        Console.WriteLine(f.Sum); Console.WriteLine(g.Sum);
        Frozen h = f with { Y = 40 };
        Console.WriteLine(h.Sum);

        var b = new Builder { Width = 640, Height = 480, Depth = 24 };
        Builder copy = b with { Depth = 32 };
        Console.WriteLine(b.Width * b.Height * b.Depth / 8);
        Console.WriteLine(copy.Depth - b.Depth);
        Builder zero = new Builder();
        Console.WriteLine(zero.Width + zero.Height + zero.Depth);
        return 0;
    }
}
