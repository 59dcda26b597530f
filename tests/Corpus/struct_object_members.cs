using System;

// Structs that override ToString, Equals and GetHashCode and implement IEquatable<T> and ISpanFormattable:
// called directly, through constrained calls in generic code, and formatted in interpolated strings, without
// boxing, against CoreCLR.
struct Point : IEquatable<Point>, ISpanFormattable
{
    public int X, Y;

    public Point(int x, int y)
    {
        X = x;
        Y = y;
    }

    public override string ToString() => "a point";

    public override int GetHashCode() => (X * 31) + Y;

    public override bool Equals(object? obj) => false;

    public bool Equals(Point other) => X == other.X && Y == other.Y;

    public static bool operator ==(Point a, Point b) => a.Equals(b);

    public static bool operator !=(Point a, Point b) => !a.Equals(b);

    public string ToString(string? format, IFormatProvider? provider) => "a formatted point";

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite($"({X}, {Y})", out charsWritten);
}

struct Celsius
{
    public double Degrees;

    public override string ToString() => "celsius";

    public override int GetHashCode() => 7;
}

class Program
{
    static int Hash<T>(T value) => value!.GetHashCode();

    static string Name<T>(T value) => value!.ToString()!;

    static bool Same<T>(T a, T b) where T : IEquatable<T> => a.Equals(b);

    static int IndexOf<T>(ReadOnlySpan<T> items, T value) where T : IEquatable<T>
    {
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i].Equals(value))
                return i;
        }

        return -1;
    }

    static int Main()
    {
        var p = new Point(3, 4);
        var q = new Point(3, 4);
        var r = new Point(4, 3);
        Console.WriteLine(p.ToString());
        Console.WriteLine(p.GetHashCode());
        Console.WriteLine($"{p == q} {p != r} {p.Equals(q)} {p.Equals(r)} {Same(p, q)} {Same(p, r)}");
        Console.WriteLine($"{Hash(p)} {Hash(r)} {Name(p)} {Name(new Celsius())} {Hash(new Celsius())}");
        Console.WriteLine($"p = {p}, r = {r,10}|");
        ReadOnlySpan<Point> points = [r, p, q];
        Console.WriteLine(IndexOf(points, q));
        Span<char> buffer = stackalloc char[16];
        Console.WriteLine(p.TryFormat(buffer, out int n, default, null));
        Console.WriteLine(n);
        return 0;
    }
}
