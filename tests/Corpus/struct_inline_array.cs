// [InlineArray(8)] structs: size, indexing with constants and variables, spans over them, foreach, copies.
using System;
using System.Runtime.CompilerServices;

[InlineArray(8)]
struct Eight
{
    private int element;
}

[InlineArray(3)]
struct ThreeLongs
{
    private long element;
}

[InlineArray(4)]
struct Points
{
    private Point element;
}

struct Point
{
    public short X, Y;
}

struct Holder
{
    public byte Tag;
    public ThreeLongs Values;
}

unsafe class Program
{
    static int Sum(ReadOnlySpan<int> span)
    {
        int s = 0;
        for (int i = 0; i < span.Length; i++) s += span[i];
        return s;
    }

    static void Fill(Span<int> span, int start)
    {
        for (int i = 0; i < span.Length; i++) span[i] = start + i * i;
    }

    static int Main()
    {
        Console.WriteLine(sizeof(Eight));
        Console.WriteLine(sizeof(ThreeLongs));
        Console.WriteLine(sizeof(Points));
        Console.WriteLine(sizeof(Holder));
        Eight e = default;
        e[0] = 10;
        e[7] = 70;
        for (int i = 1; i < 7; i++) e[i] = i;
        Console.WriteLine(Sum(e));
        Eight copy = e;
        copy[0] = -10;
        Console.WriteLine(e[0]);
        Console.WriteLine(copy[0]);
        Fill(copy, 100);
        Console.WriteLine(Sum(copy));
        int total = 0;
        foreach (int v in e) total += v;
        Console.WriteLine(total);
        Span<int> slice = ((Span<int>)e).Slice(2, 3);
        slice[0] = 1000;
        Console.WriteLine(e[2]);
        Console.WriteLine(slice.Length);

        Holder h = default;
        h.Values[1] = long.MinValue;
        h.Values[2] = 5;
        Console.WriteLine((byte*)&h.Values - (byte*)&h);
        Console.WriteLine(h.Values[1] + h.Values[2]);

        Points pts = default;
        for (int i = 0; i < 4; i++)
        {
            pts[i].X = (short)i;
            pts[i].Y = (short)(i * -3);
        }
        int acc = 0;
        foreach (Point p in pts) acc = acc * 10 + p.X - p.Y;
        Console.WriteLine(acc);
        return 0;
    }
}
