// Interfaces as constraints on value types: constrained calls (no boxing) that read and mutate the struct,
// through a by-value parameter (a copy) and through a ref (the original); several implementations.
using System;

interface ICounter
{
    int Value { get; }
    void Increment();
}

interface IShape
{
    long Area();
    int Sides { get; }
}

struct Tally : ICounter
{
    private int _count;
    public int Value => _count;
    public void Increment() => _count++;
}

struct Stepper : ICounter
{
    public int Step;
    private int _value;
    public int Value => _value;
    public void Increment() => _value += Step == 0 ? 10 : Step;
}

struct Rect : IShape
{
    public int W, H;
    public long Area() => (long)W * H;
    public int Sides => 4;
}

struct Triangle : IShape
{
    public int Base, Height;
    public long Area() => (long)Base * Height / 2;
    public int Sides => 3;
}

class Program
{
    static int BumpCopy<T>(T counter, int times) where T : struct, ICounter
    {
        for (int i = 0; i < times; i++) counter.Increment();
        return counter.Value;
    }

    static void BumpRef<T>(ref T counter, int times) where T : ICounter
    {
        for (int i = 0; i < times; i++) counter.Increment();
    }

    static long TotalArea<T>(ReadOnlySpan<T> shapes) where T : struct, IShape
    {
        long total = 0;
        foreach (T s in shapes) total += s.Area() * 10 + s.Sides;
        return total;
    }

    static int Describe<TShape, TCounter>(TShape shape, ref TCounter counter)
        where TShape : struct, IShape
        where TCounter : struct, ICounter
    {
        for (int i = 0; i < shape.Sides; i++) counter.Increment();
        return counter.Value;
    }

    static int Main()
    {
        Tally t = default;
        Console.WriteLine(BumpCopy(t, 5));
        Console.WriteLine(t.Value);
        BumpRef(ref t, 3);
        Console.WriteLine(t.Value);
        Stepper s = default;
        s.Step = 7;
        Console.WriteLine(BumpCopy(s, 3));
        BumpRef(ref s, 2);
        Console.WriteLine(s.Value);
        Stepper zero = default;
        BumpRef(ref zero, 1);
        Console.WriteLine(zero.Value);

        Span<Rect> rects = stackalloc Rect[3];
        for (int i = 0; i < 3; i++) { rects[i].W = i + 1; rects[i].H = 100000 * (i + 1); }
        Console.WriteLine(TotalArea<Rect>(rects));
        Span<Triangle> tris = stackalloc Triangle[2];
        tris[0].Base = 3; tris[0].Height = 5;
        tris[1].Base = 1 << 20; tris[1].Height = 1 << 20;
        Console.WriteLine(TotalArea<Triangle>(tris));

        Tally shared = default;
        Console.WriteLine(Describe(rects[0], ref shared));
        Console.WriteLine(Describe(tris[0], ref shared));
        Console.WriteLine(shared.Value);
        return 0;
    }
}
