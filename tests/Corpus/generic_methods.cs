// Generic methods instantiated over many value types: swap, counting through function pointers,
// generic recursion with a fixed depth, Unsafe.SizeOf<T>, default(T), generic methods calling each other.
using System;
using System.Runtime.CompilerServices;

struct Money
{
    public long Cents;
}

unsafe class Program
{
    static void Swap<T>(ref T a, ref T b)
    {
        T t = a;
        a = b;
        b = t;
    }

    static int SizeOf<T>() => Unsafe.SizeOf<T>();

    static T Default<T>() => default;

    static void Fill<T>(Span<T> span, T value)
    {
        for (int i = 0; i < span.Length; i++) span[i] = value;
    }

    static int Count<T>(ReadOnlySpan<T> span, delegate*<T, bool> predicate)
    {
        int n = 0;
        foreach (T item in span) if (predicate(item)) n++;
        return n;
    }

    static bool IsTwo(int x) => x == 2;
    static bool IsS(char c) => c == 's';

    static TOut Convert<TIn, TOut>(TIn value) => Unsafe.As<TIn, TOut>(ref value);

    static int Depth<T>(int n) => n == 0 ? SizeOf<T>() : Depth<T>(n - 1) + 1;

    static int Main()
    {
        int a = 1, b = 2;
        Swap(ref a, ref b);
        Console.WriteLine(a * 10 + b);
        long la = long.MinValue, lb = 7;
        Swap(ref la, ref lb);
        Console.WriteLine(la); Console.WriteLine(lb);
        Money m1, m2;
        m1.Cents = 100; m2.Cents = 250;
        Swap(ref m1, ref m2);
        Console.WriteLine(m1.Cents - m2.Cents);

        Console.WriteLine(SizeOf<byte>()); Console.WriteLine(SizeOf<short>()); Console.WriteLine(SizeOf<int>());
        Console.WriteLine(SizeOf<long>()); Console.WriteLine(SizeOf<Money>()); Console.WriteLine(SizeOf<double>());
        Console.WriteLine(Default<int>()); Console.WriteLine(Default<bool>()); Console.WriteLine(Default<Money>().Cents);
        Console.WriteLine((int)Default<char>());

        Span<short> shorts = stackalloc short[5];
        Fill(shorts, (short)-4);
        Console.WriteLine(shorts[0] + shorts[4]);
        Span<int> ints = stackalloc int[] { 1, 2, 3, 2, 2, 5 };
        Console.WriteLine(Count<int>(ints, &IsTwo));
        ReadOnlySpan<char> chars = "mississippi";
        Console.WriteLine(Count(chars, &IsS));
        Console.WriteLine(Convert<float, int>(1.0f));
        Console.WriteLine(Convert<int, uint>(-1));
        Console.WriteLine(Depth<long>(5));
        Console.WriteLine(Depth<Money>(3));
        return 0;
    }
}
