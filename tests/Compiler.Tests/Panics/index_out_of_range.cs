// A failed bounds check: the compiler calls ThrowHelpers.ThrowIndexOutOfRangeException, whose frame the stack leaves
// out, so the stack starts at the indexer that checked and goes on to the C# that indexed.
using System;

static class Program
{
    static int Element(Span<int> values, int index)
    {
        return values[index];
    }

    static int Main()
    {
        Span<int> values = stackalloc int[4];
        Console.WriteLine(Element(values, values.Length + 3));
        return 0;
    }
}
