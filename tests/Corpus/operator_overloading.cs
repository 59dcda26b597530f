// User-defined operators on structs: arithmetic, comparison, equality, increment, true/false, implicit and
// explicit conversions, compound assignment, and checked operators (C# 11).
using System;

#pragma warning disable CS0660, CS0661 // == without Equals/GetHashCode: equality here never boxes

struct Vec2
{
    public int X, Y;
    public Vec2(int x, int y) { X = x; Y = y; }
    public static Vec2 operator +(Vec2 a, Vec2 b) => new Vec2(a.X + b.X, a.Y + b.Y);
    public static Vec2 operator -(Vec2 a, Vec2 b) => new Vec2(a.X - b.X, a.Y - b.Y);
    public static Vec2 operator -(Vec2 a) => new Vec2(-a.X, -a.Y);
    public static Vec2 operator *(Vec2 a, int k) => new Vec2(a.X * k, a.Y * k);
    public static int operator *(Vec2 a, Vec2 b) => a.X * b.X + a.Y * b.Y;
    public static bool operator ==(Vec2 a, Vec2 b) => a.X == b.X && a.Y == b.Y;
    public static bool operator !=(Vec2 a, Vec2 b) => !(a == b);
    public static Vec2 operator ++(Vec2 a) => new Vec2(a.X + 1, a.Y + 1);
    public static implicit operator Vec2(int both) => new Vec2(both, both);
    public static explicit operator long(Vec2 v) => ((long)v.X << 32) | (uint)v.Y;
}

struct Saturating
{
    public byte Value;
    public Saturating(int v) => Value = (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
    public static Saturating operator +(Saturating a, Saturating b) => new Saturating(a.Value + b.Value);
    public static Saturating operator checked +(Saturating a, Saturating b) =>
        a.Value + b.Value > 255 ? throw new OverflowException() : new Saturating(a.Value + b.Value);
    public static bool operator <(Saturating a, Saturating b) => a.Value < b.Value;
    public static bool operator >(Saturating a, Saturating b) => a.Value > b.Value;
    public static Saturating operator &(Saturating a, Saturating b) => new Saturating(a.Value & b.Value);
    public static bool operator true(Saturating s) => s.Value != 0;
    public static bool operator false(Saturating s) => s.Value == 0;
}

class Program
{
    static int Main()
    {
        var a = new Vec2(1, 2);
        var b = new Vec2(10, 20);
        Vec2 c = a + b * 2 - -a;
        Console.WriteLine(c.X); Console.WriteLine(c.Y);
        Console.WriteLine(a * b);
        Console.WriteLine(a == new Vec2(1, 2));
        Console.WriteLine(a != b);
        a++;
        Console.WriteLine(a.X + a.Y);
        Vec2 fromInt = 7;
        Console.WriteLine(fromInt.Y);
        a += 100;
        Console.WriteLine(a.X);
        Console.WriteLine((long)new Vec2(1, -1));
        var s1 = new Saturating(200);
        var s2 = new Saturating(100);
        Console.WriteLine((s1 + s2).Value);
        Console.WriteLine(s1 > s2);
        Console.WriteLine(new Saturating(-5).Value);
        if (s1) Console.WriteLine("s1 is true");
        if (new Saturating(0)) Console.WriteLine("never"); else Console.WriteLine("zero is false");
        Console.WriteLine((s1 && s2).Value);
        Console.WriteLine(checked(s2 + s2).Value);
        Console.WriteLine("checked operator overflowing now");
        Console.WriteLine(checked(s1 + s2).Value);
        return 0;
    }
}
