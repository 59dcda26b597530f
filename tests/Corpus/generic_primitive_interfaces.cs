// Constrained calls to interfaces the primitive types implement: IComparable<T>.CompareTo and
// IEquatable<T>.Equals on int, long, double, char, byte and uint, from generic algorithms.
using System;

class Program
{
    static T Max<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

    static int Count<T>(ReadOnlySpan<T> span, T value) where T : IEquatable<T>
    {
        int n = 0;
        foreach (T item in span) if (item.Equals(value)) n++;
        return n;
    }

    static int Sign<T>(T a, T b) where T : IComparable<T>
    {
        int c = a.CompareTo(b);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }

    static int Main()
    {
        Console.WriteLine(Max(3, 9));
        Console.WriteLine(Max(-3L, -9L));
        Console.WriteLine(Max(2.5, 1.5) == 2.5);
        Console.WriteLine(Max('a', 'z'));
        Console.WriteLine(Max((byte)200, (byte)100));
        Console.WriteLine(Max(uint.MaxValue, 0u));
        Console.WriteLine(Sign(int.MinValue, int.MaxValue));
        Console.WriteLine(Sign(ulong.MaxValue, 0ul));
        Console.WriteLine(Sign(-0.0, 0.0));
        Span<int> ints = stackalloc int[] { 1, 2, 3, 2, 2, 5 };
        Console.WriteLine(Count<int>(ints, 2));
        ReadOnlySpan<char> chars = "mississippi";
        Console.WriteLine(Count(chars, 's'));
        Span<long> longs = stackalloc long[] { long.MinValue, 0, long.MinValue };
        Console.WriteLine(Count<long>(longs, long.MinValue));
        return 0;
    }
}
