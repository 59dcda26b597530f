// Double-precision arithmetic printed as IEEE bits, and floating-point remainder-free computations.
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

    static void D(double d) { Hex((ulong)BitConverter.DoubleToInt64Bits(d)); Console.Write(' '); }
    static double Opaque(double x) => x;

    static int Main()
    {
        double a = Opaque(0.1), b = Opaque(0.2);
        D(a + b); D(a - b); D(a * b); D(a / b); D(-a); D(Opaque(1.0) / 3.0);
        Console.WriteLine();
        D(Opaque(1e308) * 10); D(Opaque(-1e308) * 10); D(Opaque(1e-308) / 1e10); D(Opaque(double.Epsilon) / 2); D(Opaque(5e-324) * 0.5);
        Console.WriteLine();
        D(Opaque(9007199254740992.0) + 1); D(Opaque(9007199254740992.0) + 2); D(Opaque(9007199254740992.0) + 3);
        D(Opaque(1.0) + 1e-16); D(Opaque(1.0) + 2.3e-16);
        Console.WriteLine();
        D(Opaque(0.0) * -1); D(Opaque(-0.0) + 0.0); D(Opaque(-0.0) - 0.0); D(1.0 / Opaque(-0.0));
        Console.WriteLine();
        // Kahan summation versus naive summation
        double naive = 0, sum = 0, c = 0;
        for (int i = 0; i < 10000; i++)
        {
            double v = Opaque(0.1);
            naive += v;
            double y = v - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        D(naive); D(sum);
        Console.WriteLine();
        // Leibniz series for pi
        double pi = 0;
        for (int k = 0; k < 100000; k++)
        {
            double term = 4.0 / (2 * k + 1);
            pi += (k & 1) == 0 ? term : -term;
        }
        D(pi);
        Console.WriteLine((long)(pi * 1e9));
        // integer parts of a geometric growth
        double g = 1;
        for (int i = 0; i < 60; i++)
        {
            g *= 1.7;
        }
        Console.WriteLine((long)g);
        Console.WriteLine((ulong)(g * 1000));
        return 0;
    }
}
