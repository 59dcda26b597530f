using System;
using System.Runtime.CompilerServices;

// [MethodImpl(AggressiveInlining)] and [MethodImpl(NoInlining)] change where code goes, never what it does: small
// struct methods called through generic constraints and properties with an inlined getter, in loops, next to the
// same work in methods that are never inlined. rvc makes them LLVM's alwaysinline and noinline, and an
// AggressiveInlining method has no stack check of its own (its callers' covers it).
interface ICounter
{
    int Next(int step);
    int Total { get; }
}

struct Ring : ICounter
{
    int _index;
    int _total;
    readonly int _size;

    public Ring(int size) => _size = size;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int step)
    {
        _index = (_index + step) & (_size - 1);
        _total += _index;
        return _index;
    }

    public int Total
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _total;
    }
}

struct Slow : ICounter
{
    int _total;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Next(int step)
    {
        _total += step * 3;
        return _total;
    }

    public int Total
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        get => _total;
    }
}

class Program
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Run<T>(ref T counter, int rounds) where T : struct, ICounter
    {
        int sum = 0;
        for (int i = 0; i < rounds; i++)
        {
            sum += Mix(counter.Next(i), i);
        }

        return sum + counter.Total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Mix(int a, int b) => Twice(a) ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Twice(int a) => a + a;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static long Deep(int n) => n == 0 ? 1 : n * 2L + Deep(n - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static unsafe int SumOnStack(int n)
    {
        // stackalloc keeps the method's own stack check
        int* values = stackalloc int[16];
        for (int i = 0; i < 16; i++)
        {
            values[i] = i * n;
        }

        int sum = 0;
        for (int i = 0; i < 16; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    static int Main()
    {
        var ring = new Ring(64);
        Console.WriteLine(Run(ref ring, 1000));
        Console.WriteLine(ring.Total);
        var slow = new Slow();
        Console.WriteLine(Run(ref slow, 1000));
        Console.WriteLine(slow.Total);
        Console.WriteLine(Deep(200));
        int total = 0;
        for (int n = 0; n < 50; n++)
        {
            total += SumOnStack(n);
        }

        Console.WriteLine(total);
        return 0;
    }
}
