// Single-precision arithmetic, printed as IEEE bits: rounding of + - * /, subnormals, overflow, signed zero.
using System;

class Program
{
    static void Hex(uint v)
    {
        for (int i = 7; i >= 0; i--)
        {
            int d = (int)((v >> (i * 4)) & 0xF);
            Console.Write((char)(d < 10 ? '0' + d : 'a' + d - 10));
        }
    }

    static void F(float f) { Hex((uint)BitConverter.SingleToInt32Bits(f)); Console.Write(' '); }
    static float Opaque(float x) => x;

    static int Main()
    {
        float a = Opaque(1.1f), b = Opaque(2.2f), third = Opaque(1.0f) / Opaque(3.0f);
        F(a + b); F(a - b); F(a * b); F(a / b); F(-a); F(third); F(third * 3.0f);
        Console.WriteLine();
        float tiny = Opaque(1e-38f);
        F(tiny / 1000f); F(tiny * tiny); F(Opaque(float.Epsilon) / 2f); F(Opaque(float.Epsilon) * 0.75f);
        Console.WriteLine();
        float huge = Opaque(3e38f);
        F(huge * 2f); F(-huge * 2f); F(huge + huge - huge); F(Opaque(1f) / Opaque(0f)); F(Opaque(-1f) / Opaque(0f)); F(Opaque(1f) / Opaque(-0f));
        Console.WriteLine();
        F(Opaque(0f) * -1f); F(Opaque(-0f) + Opaque(0f)); F(Opaque(-0f) - Opaque(0f)); F(Opaque(5f) - Opaque(5f));
        Console.WriteLine();
        F(Opaque(16777216f) + 1f); F(Opaque(16777216f) + 2f); F(Opaque(16777216f) + 3f); F(Opaque(0.1f) + Opaque(0.2f));
        Console.WriteLine();
        // a polynomial evaluated step by step (no fused multiply-add)
        float x = Opaque(0.7f);
        float p = ((Opaque(0.3f) * x - 1.7f) * x + 2.9f) * x - 0.4f;
        F(p);
        float acc = 0f;
        for (int i = 1; i <= 1000; i++)
        {
            acc += 1f / i;
        }
        F(acc);
        float prod = 1f;
        for (int i = 1; i <= 30; i++)
        {
            prod *= 1.5f;
        }
        F(prod);
        Console.WriteLine();
        Console.WriteLine((int)(acc * 1000000f));
        Console.WriteLine((long)prod);
        return 0;
    }
}
