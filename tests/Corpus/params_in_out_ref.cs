// Parameter passing: by value, ref, out, in (including in with rvalues), ref to fields and elements, and
// large struct arguments.
using System;

struct Matrix2
{
    public long M00, M01, M10, M11;
}

class Program
{
    static void Increment(ref int x) => x++;
    static void Split(long v, out int hi, out int lo) { hi = (int)(v >> 32); lo = (int)v; }
    static bool TryParseDigit(char c, out int digit)
    {
        if (c >= '0' && c <= '9') { digit = c - '0'; return true; }
        digit = -1;
        return false;
    }
    static long Determinant(in Matrix2 m) => m.M00 * m.M11 - m.M01 * m.M10;
    static Matrix2 Multiply(in Matrix2 a, in Matrix2 b)
    {
        Matrix2 r;
        r.M00 = a.M00 * b.M00 + a.M01 * b.M10;
        r.M01 = a.M00 * b.M01 + a.M01 * b.M11;
        r.M10 = a.M10 * b.M00 + a.M11 * b.M10;
        r.M11 = a.M10 * b.M01 + a.M11 * b.M11;
        return r;
    }
    static void Scale(ref Matrix2 m, long k) { m.M00 *= k; m.M01 *= k; m.M10 *= k; m.M11 *= k; }
    static int AddTen(in int x) => x + 10;
    static void SwapRefs(ref long a, ref long b) { long t = a; a = b; b = t; }
    static int ManyArgs(int a, long b, short c, byte d, int e, long f, int g, int h, int i, long j, int k)
        => (int)(a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10 + k * 11);

    static int Main()
    {
        int n = 5;
        Increment(ref n);
        Increment(ref n);
        Console.WriteLine(n);
        Split(0x0000_0007_FFFF_FFFE, out int hi, out int lo);
        Console.WriteLine(hi); Console.WriteLine(lo);
        Split(-1, out _, out var lo2);
        Console.WriteLine(lo2);
        int total = 0;
        foreach (char c in "4a2x9")
        {
            if (TryParseDigit(c, out int d)) total = total * 10 + d;
        }
        Console.WriteLine(total);

        Matrix2 fib;
        fib.M00 = 1; fib.M01 = 1; fib.M10 = 1; fib.M11 = 0;
        Matrix2 acc = fib;
        for (int i = 0; i < 40; i++) acc = Multiply(acc, fib);
        Console.WriteLine(acc.M01);
        Console.WriteLine(Determinant(acc));
        Scale(ref acc, -2);
        Console.WriteLine(acc.M11);
        Console.WriteLine(AddTen(5));
        Console.WriteLine(AddTen(in n));
        long a = 1, b = 2;
        SwapRefs(ref a, ref b);
        Console.WriteLine(a * 10 + b);
        Matrix2 m = fib;
        SwapRefs(ref m.M00, ref m.M11);
        Console.WriteLine(m.M00 * 10 + m.M11);
        Console.WriteLine(ManyArgs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        return 0;
    }
}
