// Local functions: static local functions, local functions capturing locals and parameters (Roslyn passes a
// struct closure by reference: no allocation), recursion in local functions, and generic local functions.
using System;

class Program
{
    static int Outer(int start)
    {
        int total = start;
        void Add(int v) => total += v;
        for (int i = 1; i <= 4; i++) Add(i * i);
        return total;
    }

    static int Main()
    {
        static int Square(int x) => x * x;
        Console.WriteLine(Square(12));
        Console.WriteLine(Outer(100));

        int calls = 0;
        long Fact(int n)
        {
            calls++;
            return n <= 1 ? 1 : n * Fact(n - 1);
        }
        Console.WriteLine(Fact(15));
        Console.WriteLine(calls);

        int threshold = 10;
        int CountAbove(ReadOnlySpan<int> values)
        {
            int n = 0;
            foreach (int v in values) if (v > threshold) n++;
            return n;
        }
        Span<int> data = stackalloc int[] { 5, 15, 25, 10, 11 };
        Console.WriteLine(CountAbove(data));
        threshold = 20;
        Console.WriteLine(CountAbove(data));

        static T Pick<T>(bool first, T a, T b) => first ? a : b;
        Console.WriteLine(Pick(true, 1, 2));
        Console.WriteLine(Pick(false, 'a', 'b'));
        Console.WriteLine(Pick(false, 1L << 40, -1L));

        int x = 0, y = 0;
        void Move(int dx, int dy) { x += dx; y += dy; }
        for (int i = 0; i < 10; i++) Move(i % 3 - 1, i % 2);
        Console.WriteLine(x * 100 + y);
        return 0;
    }
}
