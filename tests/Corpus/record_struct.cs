using System;

// record struct with its generated equality (Equals, ==, !=, GetHashCode over every field type), `with`,
// deconstruction and IEquatable<T> in generic code, without boxing, against CoreCLR (hash codes included: .NET's
// per-primitive hashes and the record's combination; string fields are compared but never hashed, since .NET
// randomises string hashes).
enum Mode : short { Off = -1, On = 1 }

record struct Point(int X, int Y);

record struct Sample(long L, double D, float F, char C, bool B, byte U8, sbyte I8, short S, ushort U16, uint U32, ulong U64, Mode M);

record struct Named(string Name, Point Where);

record struct Tagged(int Id)
{
    public override string ToString() => "tagged";
}

class Program
{
    static bool Same<T>(T a, T b) where T : IEquatable<T> => a.Equals(b);

    static int Main()
    {
        var p = new Point(1, 2);
        var q = p with { Y = 3 };
        var r = new Point(1, 2);
        Console.WriteLine($"{p == r} {p != q} {p.Equals(q)} {p.Equals(r)} {Same(p, r)} {q.Y}");
        Console.WriteLine($"{p.GetHashCode()} {q.GetHashCode()} {new Point(-5, int.MinValue).GetHashCode()}");
        var (x, y) = q;
        Console.WriteLine($"{x} {y}");

        var a = new Sample(-3_000_000_000L, -0.0, float.NaN, 'z', true, 200, -7, -300, 60000, 4_000_000_000u, ulong.MaxValue, Mode.Off);
        var b = a with { D = 0.0 };
        var c = a with { F = float.NaN };
        Console.WriteLine($"{a == b} {a == c} {a.GetHashCode() == b.GetHashCode()} {a.GetHashCode()} {c.GetHashCode()}");
        var d = a with { D = double.NaN, L = 1L << 40 };
        Console.WriteLine($"{d == (d with { })} {d.GetHashCode()} {(d with { M = Mode.On }).GetHashCode()} {(d with { C = 'A', B = false }).GetHashCode()}");
        Console.WriteLine($"{new Sample().GetHashCode()} {new Sample(1, 1.5, 2.5f, 'a', false, 1, 1, 1, 1, 1, 1, Mode.On).GetHashCode()}");

        var n1 = new Named("disk", p);
        var n2 = new Named("disk", r);
        var n3 = n1 with { Name = "net" };
        Console.WriteLine($"{n1 == n2} {n1 == n3} {n1.Where.X} {Same(n1, n2)}");
        Console.Write(new Tagged(4).ToString());
        Console.WriteLine($" {new Tagged(4) == new Tagged(4)} {new Tagged(4).GetHashCode()}");
        return 0;
    }
}
