// The % operator on float and double (IEEE fmod semantics: sign of the dividend, exact result).
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
    static float Opaque(float x) => x;

    static int Main()
    {
        D(Opaque(5.5) % 2); D(Opaque(-5.5) % 2); D(Opaque(5.5) % -2); D(Opaque(-5.5) % -2);
        Console.WriteLine();
        D(Opaque(1e300) % 3); D(Opaque(0.3) % 0.1); D(Opaque(7.0) % 7.0); D(Opaque(-7.0) % 7.0);
        Console.WriteLine();
        D(Opaque(3.0) % double.PositiveInfinity); D(Opaque(1e-320) % 3e-321);
        Console.WriteLine();
        double r = Opaque(1.0) % Opaque(0.0);
        Console.WriteLine(r != Opaque(r));
        Console.WriteLine(BitConverter.SingleToInt32Bits(Opaque(10.5f) % 3f));
        Console.WriteLine(BitConverter.SingleToInt32Bits(Opaque(-10.5f) % 3f));
        // angle normalization, a common use
        double angle = Opaque(1000.0);
        double wrapped = angle % 360.0;
        Console.WriteLine((int)wrapped);
        return 0;
    }
}
