// Newton iterations without Math: square roots, cube roots and reciprocals, printed as bits and as integers.
using System;

class Program
{
    static void Hex(ulong v)
    {
        for (int i = 15; i >= 0; i--)
        {
            int d = (int)((v >> (i * 4)) & 0xF);
            Console.Write((char)(d < 10 ? '0' + d : 'a' + d - 10));
        }
    }

    static double Sqrt(double x)
    {
        if (x <= 0) return 0;
        double g = x > 1 ? x / 2 : 1;
        for (int i = 0; i < 60; i++)
        {
            double next = 0.5 * (g + x / g);
            if (next == g) break;
            g = next;
        }
        return g;
    }

    static double Cbrt(double x)
    {
        double g = x > 1 ? x / 3 : 1;
        for (int i = 0; i < 200; i++)
        {
            double next = (2 * g + x / (g * g)) / 3;
            if (next == g) break;
            g = next;
        }
        return g;
    }

    static float Reciprocal(float d)
    {
        float r = 0.1f;
        for (int i = 0; i < 30; i++)
        {
            r = r * (2f - d * r);
        }
        return r;
    }

    static int Main()
    {
        for (int n = 1; n <= 20; n++)
        {
            double r = Sqrt(n);
            Console.Write(n); Console.Write(' ');
            Hex((ulong)BitConverter.DoubleToInt64Bits(r)); Console.Write(' ');
            Console.Write((long)(r * 1e12)); Console.Write(' ');
            Console.WriteLine(r * r == n);
        }
        Hex((ulong)BitConverter.DoubleToInt64Bits(Sqrt(1e300))); Console.WriteLine();
        Hex((ulong)BitConverter.DoubleToInt64Bits(Sqrt(2e-300))); Console.WriteLine();
        Hex((ulong)BitConverter.DoubleToInt64Bits(Cbrt(27))); Console.WriteLine();
        Hex((ulong)BitConverter.DoubleToInt64Bits(Cbrt(1000000))); Console.WriteLine();
        Hex((ulong)BitConverter.DoubleToInt64Bits(Cbrt(2))); Console.WriteLine();
        Console.WriteLine(BitConverter.SingleToInt32Bits(Reciprocal(7f)));
        Console.WriteLine((int)(Reciprocal(7f) * 1e8f));
        // integer square root by Newton on integers, checked against the floating version
        int mismatches = 0;
        for (ulong v = 1; v < 1ul << 52; v = v * 5 + 3)
        {
            ulong x = v, y = (x + 1) / 2;
            while (y < x) { x = y; y = (x + v / x) / 2; }
            if (x != (ulong)Sqrt(v)) mismatches++;
        }
        Console.WriteLine(mismatches);
        return 0;
    }
}
