// stackalloc into pointers and spans, initializers, zeroing, nested frames, and sizes computed at run time.
using System;

unsafe class Program
{
    static int SumSquares(int n)
    {
        Span<int> squares = stackalloc int[n];
        for (int i = 0; i < n; i++) squares[i] = i * i;
        int sum = 0;
        foreach (int s in squares) sum += s;
        return sum;
    }

    static long Recurse(int depth)
    {
        long* local = stackalloc long[4];
        for (int i = 0; i < 4; i++) local[i] = depth * 10 + i;
        long below = depth > 0 ? Recurse(depth - 1) : 0;
        return below + local[0] + local[3];
    }

    static int Main()
    {
        Span<byte> zeroed = stackalloc byte[64];
        int nonZero = 0;
        foreach (byte b in zeroed) if (b != 0) nonZero++;
        Console.WriteLine(nonZero);
        Console.WriteLine(zeroed.Length);

        Span<int> init = stackalloc int[] { 5, 4, 3, 2, 1 };
        Console.WriteLine(init.Length);
        Console.WriteLine(init[0] * 10000 + init[1] * 1000 + init[2] * 100 + init[3] * 10 + init[4]);
        ReadOnlySpan<ushort> shorts = stackalloc ushort[3] { 1, 65535, 256 };
        Console.WriteLine(shorts[0] + shorts[1] + shorts[2]);

        int* p = stackalloc int[8];
        for (int i = 0; i < 8; i++) p[i] = -i;
        Console.WriteLine(p[7]);
        Console.WriteLine(SumSquares(10));
        Console.WriteLine(SumSquares(100));
        Console.WriteLine(Recurse(20));

        // a loop that allocates in a nested block (stackalloc in a loop body is hoisted per call frame)
        long total = 0;
        for (int round = 0; round < 3; round++)
        {
            byte* scratch = stackalloc byte[16];
            for (int i = 0; i < 16; i++) scratch[i] = (byte)(round + i);
            for (int i = 0; i < 16; i++) total += scratch[i];
        }
        Console.WriteLine(total);

        Span<char> letters = stackalloc char[26];
        for (int i = 0; i < 26; i++) letters[i] = (char)('a' + i);
        for (int i = 25; i >= 0; i -= 5) Console.Write(letters[i]);
        Console.WriteLine();
        Span<double> ds = stackalloc double[4];
        ds[0] = 1.5;
        ds[3] = ds[0] * 4;
        Console.WriteLine((int)(ds[0] + ds[1] + ds[2] + ds[3]));
        return 0;
    }
}
