// Structs are values: assignment, parameters and returns copy; ref/in/out do not; readonly members and
// defensive copies; struct fields of structs; this-mutation in methods.
using System;

struct Counter
{
    public int Value;
    public void Increment() { Value++; }
    public readonly int Peek() => Value;
}

struct Pair
{
    public Counter Left;
    public Counter Right;
    public long Tag;
}

struct Big
{
    public long A, B, C, D, E, F, G, H;
    public long Sum() => A + B + C + D + E + F + G + H;
}

class Program
{
    static Counter s_counter;
    static readonly Counter s_readonlyCounter;

    static void ByValue(Counter c) { c.Increment(); Console.WriteLine(c.Value); }
    static void ByRef(ref Counter c) { c.Increment(); }
    static int ByIn(in Counter c) => c.Peek();
    static Counter Make(int v) { Counter c; c.Value = v; return c; }
    static Big MakeBig(long seed)
    {
        Big b;
        b.A = seed; b.B = seed * 2; b.C = seed * 3; b.D = seed * 4; b.E = seed * 5; b.F = seed * 6; b.G = seed * 7; b.H = seed * 8;
        return b;
    }

    static Big Twice(Big b)
    {
        b.A *= 2; b.H *= 2;
        return b;
    }

    static int Main()
    {
        Counter a = Make(1);
        Counter b = a;
        b.Increment();
        Console.WriteLine(a.Value);
        Console.WriteLine(b.Value);
        ByValue(a);
        Console.WriteLine(a.Value);
        ByRef(ref a);
        Console.WriteLine(a.Value);
        Console.WriteLine(ByIn(in a));

        Pair p = default;
        p.Left.Increment();
        p.Left.Increment();
        Counter taken = p.Left;
        taken.Increment();
        Console.WriteLine(p.Left.Value);
        Console.WriteLine(taken.Value);
        Pair q = p;
        q.Right.Value = 50;
        q.Tag = -1;
        Console.WriteLine(p.Right.Value);
        Console.WriteLine(q.Right.Value + q.Left.Value);

        s_counter.Increment();
        s_counter.Increment();
        Console.WriteLine(s_counter.Value);
        // a readonly field: calls on it operate on a defensive copy
        s_readonlyCounter.Increment();
        Console.WriteLine(s_readonlyCounter.Value);

        Big big = MakeBig(3);
        Big doubled = Twice(big);
        Console.WriteLine(big.Sum());
        Console.WriteLine(doubled.Sum());
        Big swapA = MakeBig(1), swapB = MakeBig(10);
        Big tmp = swapA;
        swapA = swapB;
        swapB = tmp;
        Console.WriteLine(swapA.Sum() - swapB.Sum());

        // copies in a loop don't alias
        Counter sum = default;
        for (int i = 0; i < 5; i++)
        {
            Counter local = sum;
            local.Value += i;
            sum = local;
        }
        Console.WriteLine(sum.Value);

        // ref to an element of a struct
        ref Counter r = ref p.Right;
        r.Increment();
        Console.WriteLine(p.Right.Value);
        return 0;
    }
}
