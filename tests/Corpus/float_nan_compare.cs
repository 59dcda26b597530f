// Comparisons with NaN are false (except !=), -0.0 equals 0.0, infinities order correctly.
// NaN bit patterns are never printed: RISC-V canonicalizes NaNs that x86 does not.
using System;

class Program
{
    static double OpaqueD(double x) => x;
    static float OpaqueF(float x) => x;

    static void Compare(double a, double b)
    {
        Console.Write(a < b ? '1' : '0');
        Console.Write(a <= b ? '1' : '0');
        Console.Write(a > b ? '1' : '0');
        Console.Write(a >= b ? '1' : '0');
        Console.Write(a == b ? '1' : '0');
        Console.Write(a != b ? '1' : '0');
        Console.Write(!(a < b) ? '1' : '0');
        Console.Write(!(a >= b) ? '1' : '0');
        Console.Write(' ');
    }

    static void CompareF(float a, float b)
    {
        Console.Write(a < b ? '1' : '0');
        Console.Write(a <= b ? '1' : '0');
        Console.Write(a > b ? '1' : '0');
        Console.Write(a >= b ? '1' : '0');
        Console.Write(a == b ? '1' : '0');
        Console.Write(a != b ? '1' : '0');
        Console.Write(' ');
    }

    static int Branches(double x)
    {
        int r = 0;
        if (x < 0) r |= 1;
        if (x > 0) r |= 2;
        if (x == 0) r |= 4;
        if (!(x < 0) && !(x > 0) && !(x == 0)) r |= 8;
        while (x > 100) { x -= 100; r += 16; }
        return r;
    }

    static int Main()
    {
        double zero = OpaqueD(0.0);
        double nan = zero / zero;
        double inf = 1.0 / zero;
        Compare(nan, nan); Compare(nan, 1.0); Compare(1.0, nan); Compare(nan, inf);
        Console.WriteLine();
        Compare(0.0, -0.0); Compare(-0.0, 0.0); Compare(inf, double.MaxValue); Compare(-inf, double.MinValue); Compare(inf, inf);
        Console.WriteLine();
        Compare(OpaqueD(1.0), OpaqueD(2.0)); Compare(OpaqueD(2.0), OpaqueD(1.0)); Compare(OpaqueD(double.Epsilon), zero);
        Console.WriteLine();
        float fz = OpaqueF(0f);
        float fnan = fz / fz;
        CompareF(fnan, fnan); CompareF(fnan, 0f); CompareF(-0f, 0f); CompareF(float.NegativeInfinity, float.MinValue);
        Console.WriteLine();
        Console.WriteLine(Branches(nan));
        Console.WriteLine(Branches(-0.0));
        Console.WriteLine(Branches(OpaqueD(250.5)));
        Console.WriteLine(Branches(-inf));
        // NaN propagates through arithmetic
        double x = nan * 0 + 1;
        double y = x;
        Console.WriteLine(x == y);
        Console.WriteLine(inf - inf == inf - inf);
        Console.WriteLine(inf * 0 != inf * 0);
        // conditional selection with NaN: a max that ignores NaN on the left
        double m = nan > 1.0 ? nan : 1.0;
        Console.WriteLine(m == 1.0);
        return 0;
    }
}
