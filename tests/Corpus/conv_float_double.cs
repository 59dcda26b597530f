// Conversions between float and double: rounding, overflow to infinity, subnormals, signed zero.
using System;

class Program
{
    static void Hex(ulong v, int digits)
    {
        for (int i = digits - 1; i >= 0; i--)
        {
            int d = (int)((v >> (i * 4)) & 0xF);
            Console.Write((char)(d < 10 ? '0' + d : 'a' + d - 10));
        }
    }

    static void D(double d) { Hex((ulong)BitConverter.DoubleToInt64Bits(d), 16); Console.Write(' '); }
    static void F(float f) { Hex((uint)BitConverter.SingleToInt32Bits(f), 8); Console.Write(' '); }
    static double OpaqueD(double x) => x;
    static float OpaqueF(float x) => x;
    static bool IsNaN(double v) { double w = v; return v != w; }
    static bool IsNaN(float v) { float w = v; return v != w; }

    static int Main()
    {
        // double -> float
        F((float)OpaqueD(0.1)); F((float)OpaqueD(-0.1)); F((float)OpaqueD(1.0 / 3.0)); F((float)OpaqueD(-0.0));
        F((float)OpaqueD(1e39)); F((float)OpaqueD(-1e39)); F((float)OpaqueD(1e-46)); F((float)OpaqueD(1e-40));
        F((float)OpaqueD(3.4028235677973366e38)); F((float)OpaqueD(16777217.0)); F((float)OpaqueD(16777219.0));
        Console.WriteLine();
        // float -> double (exact)
        D(OpaqueF(0.1f)); D(OpaqueF(-2.5f)); D(OpaqueF(float.MaxValue)); D(OpaqueF(float.Epsilon)); D(OpaqueF(1e-40f));
        D(OpaqueF(float.PositiveInfinity)); D(OpaqueF(float.NegativeInfinity)); D(OpaqueF(-0.0f));
        Console.WriteLine();
        // NaN stays NaN (its payload bits are not printed: they differ between machines)
        double nan = OpaqueD(double.NaN);
        float fnan = (float)nan;
        double back = fnan;
        Console.WriteLine(IsNaN(fnan));
        Console.WriteLine(IsNaN(back));
        // double rounding through float
        double x = OpaqueD(1.0000000596046448);
        D(x); F((float)x); D((double)(float)x);
        Console.WriteLine();
        // constants
        D(double.MaxValue); D(double.MinValue); D(double.Epsilon); D(3.141592653589793); D(2.718281828459045);
        F(float.MaxValue); F(float.MinValue); F(float.Epsilon);
        Console.WriteLine();
        return 0;
    }
}
