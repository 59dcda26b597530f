// Span<T> and ReadOnlySpan<T> over stack memory: indexer, Length, IsEmpty, Slice, ranges, implicit conversion,
// foreach, spans of structs, and the pointer constructor.
using System;

struct Sample
{
    public short Level;
    public byte Channel;
}

unsafe class Program
{
    static long Sum(ReadOnlySpan<int> s)
    {
        long total = 0;
        for (int i = 0; i < s.Length; i++) total += s[i];
        return total;
    }

    static void Reverse(Span<int> s)
    {
        for (int i = 0, j = s.Length - 1; i < j; i++, j--)
        {
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
    }

    static int Main()
    {
        Span<int> numbers = stackalloc int[12];
        for (int i = 0; i < numbers.Length; i++) numbers[i] = i * 3 - 5;
        Console.WriteLine(numbers.Length);
        Console.WriteLine(Sum(numbers));
        Span<int> middle = numbers.Slice(4, 4);
        Console.WriteLine(Sum(middle));
        Reverse(middle);
        for (int i = 0; i < numbers.Length; i++) { Console.Write(numbers[i]); Console.Write(' '); }
        Console.WriteLine();
        Span<int> tail = numbers.Slice(9);
        Console.WriteLine(tail.Length);
        Console.WriteLine(tail[0]);
        Span<int> ranged = numbers[2..5];
        Console.WriteLine(ranged[^1]);
        Console.WriteLine(numbers[^1]);
        Span<int> empty = numbers.Slice(12);
        Console.WriteLine(empty.IsEmpty);
        Console.WriteLine(empty.Length);
        ReadOnlySpan<int> ro = numbers;
        Console.WriteLine(ro[11]);
        Span<int> defaultSpan = default;
        Console.WriteLine(defaultSpan.IsEmpty);

        int* raw = stackalloc int[4];
        var fromPointer = new Span<int>(raw, 4);
        fromPointer[0] = 7; fromPointer[3] = 9;
        Console.WriteLine(raw[0] + raw[3]);

        Span<Sample> samples = stackalloc Sample[3];
        samples[0].Level = -100;
        samples[1].Channel = 2;
        ref Sample s2 = ref samples[2];
        s2.Level = 300;
        s2.Channel = 1;
        int mix = 0;
        foreach (Sample s in samples) mix += s.Level * (s.Channel + 1);
        Console.WriteLine(mix);

        ReadOnlySpan<char> text = "span of chars";
        int spaces = 0;
        foreach (char c in text) if (c == ' ') spaces++;
        Console.WriteLine(spaces);
        Console.WriteLine(text.Slice(5, 2)[1]);
        Console.WriteLine(text.Length);
        return 0;
    }
}
