using System;

// Instance default interface methods called on structs through generic constraints, without boxing, against
// CoreCLR: a default that calls the struct's members on 'this', one the struct overrides, one a derived interface
// overrides, a default calling another default and a private interface helper, a default of a generic interface,
// and one that writes through 'this' (CoreCLR runs it on a boxed copy: the caller's struct is unchanged).
interface IFoo
{
    int Value { get; }

    int Bar() => Value * 2;

    void Hello() => Console.WriteLine($"hello {Value}");
}

interface ICounter
{
    int Count { get; set; }

    int Bump()
    {
        Count = Count + 1;
        return Twice();
    }

    int Twice() => Helper() * 2;

    private int Helper() => Count + 0;

    string Kind => "counter";
}

interface INamed : ICounter
{
    string ICounter.Kind => "named";

    int Id => 7;
}

interface IScale<T>
    where T : struct
{
    T Factor { get; }

    long Scaled(int x) => x * Weight();

    long Weight() => 3;
}

struct S : IFoo
{
    public int V;

    public int Value => V;
}

struct T : IFoo
{
    public int Value => 7;

    public int Bar() => 100;
}

struct Plain : ICounter
{
    public int N;

    public int Count
    {
        get => N;
        set => N = value;
    }
}

struct Named : INamed
{
    public int N;

    public int Count
    {
        get => N;
        set => N = value;
    }

    public int Twice() => -1;
}

struct Heavy : IScale<int>
{
    public int Factor => 2;

    public long Weight() => 10;
}

struct Light : IScale<byte>
{
    public byte Factor => 1;
}

class Program
{
    static int M<X>(X x) where X : IFoo => x.Bar();

    static void H<X>(ref X x) where X : IFoo => x.Hello();

    static int Bump<C>(ref C x) where C : ICounter => x.Bump();

    static int BumpCopy<C>(C x) where C : ICounter
    {
        int r = x.Bump();
        Console.WriteLine(x.Count);
        return r;
    }

    static string Kind<C>(C x) where C : ICounter => x.Kind;

    static int Id<C>(C x) where C : INamed => x.Id;

    static long Scale<C, U>(C x, int v) where C : IScale<U> where U : struct => x.Scaled(v);

    static int Main()
    {
        var s = new S { V = 21 };
        Console.WriteLine(M(s));
        Console.WriteLine(M(new T()));
        H(ref s);
        var p = new Plain { N = 5 };
        Console.WriteLine(Bump(ref p));
        Console.WriteLine(p.N);
        Console.WriteLine(BumpCopy(p));
        var n = new Named { N = 1 };
        Console.WriteLine(Bump(ref n));
        Console.WriteLine(n.N);
        Console.WriteLine(Kind(p));
        Console.WriteLine(Kind(n));
        Console.WriteLine(Id(n));
        Console.WriteLine(Scale<Heavy, int>(new Heavy(), 4));
        Console.WriteLine(Scale<Light, byte>(new Light(), 4));
        return M(s);
    }
}
