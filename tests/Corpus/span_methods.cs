// Span<T> helper methods: Fill, Clear, CopyTo, TryCopyTo, SequenceEqual, IndexOf, StartsWith, Reverse, ToArray-free.
using System;

class Program
{
    static void Print(ReadOnlySpan<byte> s)
    {
        for (int i = 0; i < s.Length; i++) { Console.Write(s[i]); Console.Write(' '); }
        Console.WriteLine();
    }

    static int Main()
    {
        Span<byte> a = stackalloc byte[8];
        a.Fill(7);
        Print(a);
        a.Slice(2, 3).Clear();
        Print(a);
        Span<byte> b = stackalloc byte[10];
        a.CopyTo(b.Slice(1));
        Print(b);
        Console.WriteLine(b.Slice(0, 4).TryCopyTo(a));
        Console.WriteLine(b.TryCopyTo(a));
        Print(a);
        Console.WriteLine(a.SequenceEqual(b.Slice(0, 8)));
        Console.WriteLine(a.Slice(4).SequenceEqual(b.Slice(5, 4)));
        Console.WriteLine(b.IndexOf((byte)7));
        Console.WriteLine(b.IndexOf((byte)42));
        ReadOnlySpan<byte> magic = stackalloc byte[] { 0, 7, 7 };
        Console.WriteLine(b.StartsWith(magic));
        b.Reverse();
        Print(b);
        // overlapping copies behave like memmove
        Span<int> overlap = stackalloc int[] { 1, 2, 3, 4, 5, 6 };
        overlap.Slice(0, 4).CopyTo(overlap.Slice(2));
        for (int i = 0; i < overlap.Length; i++) Console.Write(overlap[i]);
        Console.WriteLine();
        overlap.Slice(2).CopyTo(overlap);
        for (int i = 0; i < overlap.Length; i++) Console.Write(overlap[i]);
        Console.WriteLine();
        return 0;
    }
}
