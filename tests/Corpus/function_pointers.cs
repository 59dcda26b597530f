// Managed function pointers (delegate*<...>) to static methods: calls, passing them as arguments,
// storing them in struct fields and in stackalloc'ed tables, comparing them, generic targets.
using System;

unsafe struct Handlers
{
    public delegate*<int, int> OnValue;
    public delegate*<long, long, long> Combine;
    public delegate*<void> OnDone;
}

unsafe class Program
{
    static int s_done;

    static int Double(int x) => x * 2;
    static int Square(int x) => x * x;
    static int Negate(int x) => -x;
    static long Add(long a, long b) => a + b;
    static long Mul(long a, long b) => a * b;
    static void Done() => s_done++;
    static T Identity<T>(T value) => value;

    static int Apply(delegate*<int, int> f, int x, int times)
    {
        for (int i = 0; i < times; i++) x = f(x);
        return x;
    }

    static long Fold(delegate*<long, long, long> op, long seed, int n)
    {
        for (int i = 1; i <= n; i++) seed = op(seed, i);
        return seed;
    }

    static delegate*<int, int> Choose(int which) => which switch
    {
        0 => &Double,
        1 => &Square,
        _ => &Negate,
    };

    static int Main()
    {
        delegate*<int, int> f = &Double;
        Console.WriteLine(f(21));
        Console.WriteLine(Apply(&Double, 1, 10));
        Console.WriteLine(Apply(&Square, 3, 3));
        Console.WriteLine(Fold(&Add, 0, 100));
        Console.WriteLine(Fold(&Mul, 1, 20));
        for (int i = 0; i < 3; i++) Console.WriteLine(Choose(i)(7));
        Console.WriteLine(Choose(0) != null);

        Handlers h;
        h.OnValue = &Negate;
        h.Combine = &Add;
        h.OnDone = &Done;
        Console.WriteLine(h.OnValue(5) + h.Combine(10, 20));
        h.OnDone();
        h.OnDone();
        Console.WriteLine(s_done);

        delegate*<int, int>* table = stackalloc delegate*<int, int>[3];
        table[0] = &Double; table[1] = &Square; table[2] = &Negate;
        int x = 3;
        for (int i = 0; i < 3; i++) x = table[i](x);
        Console.WriteLine(x);

        delegate*<long, long> id = &Identity<long>;
        Console.WriteLine(id(long.MinValue));
        delegate*<byte, byte> idb = &Identity<byte>;
        Console.WriteLine(idb(255));
        return 0;
    }
}
