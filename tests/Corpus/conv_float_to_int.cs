// Floating-point to integer conversions, including out-of-range values, infinities and NaN.
// CoreCLR (.NET 9 and later) saturates: NaN gives 0, too large gives MaxValue, too small gives MinValue;
// for 8- and 16-bit targets it saturates to int first and then truncates.
using System;

class Program
{
    static double Opaque(double x) => x;
    static float Opaque(float x) => x;

    static void ConvertDouble(double d)
    {
        Console.Write((sbyte)d); Console.Write(' ');
        Console.Write((byte)d); Console.Write(' ');
        Console.Write((short)d); Console.Write(' ');
        Console.Write((ushort)d); Console.Write(' ');
        Console.Write((int)(char)d); Console.Write(' ');
        Console.Write((int)d); Console.Write(' ');
        Console.Write((uint)d); Console.Write(' ');
        Console.Write((long)d); Console.Write(' ');
        Console.WriteLine((ulong)d);
    }

    static void ConvertFloat(float f)
    {
        Console.Write((sbyte)f); Console.Write(' ');
        Console.Write((byte)f); Console.Write(' ');
        Console.Write((short)f); Console.Write(' ');
        Console.Write((ushort)f); Console.Write(' ');
        Console.Write((int)f); Console.Write(' ');
        Console.Write((uint)f); Console.Write(' ');
        Console.Write((long)f); Console.Write(' ');
        Console.WriteLine((ulong)f);
    }

    static int Main()
    {
        double zero = Opaque(0.0);
        ConvertDouble(Opaque(0.0));
        ConvertDouble(Opaque(-0.0));
        ConvertDouble(Opaque(1.9));
        ConvertDouble(Opaque(-1.9));
        ConvertDouble(Opaque(0.5));
        ConvertDouble(Opaque(-0.99999));
        ConvertDouble(Opaque(127.5));
        ConvertDouble(Opaque(300.7));
        ConvertDouble(Opaque(-200.5));
        ConvertDouble(Opaque(70000.25));
        ConvertDouble(Opaque(2147483647.9));
        ConvertDouble(Opaque(2147483648.0));
        ConvertDouble(Opaque(-2147483648.9));
        ConvertDouble(Opaque(-2147483649.0));
        ConvertDouble(Opaque(4294967295.5));
        ConvertDouble(Opaque(4294967296.0));
        ConvertDouble(Opaque(1e15));
        ConvertDouble(Opaque(-1e15));
        ConvertDouble(Opaque(9223372036854774784.0));
        ConvertDouble(Opaque(9223372036854775808.0));
        ConvertDouble(Opaque(-9223372036854775808.0));
        ConvertDouble(Opaque(18446744073709549568.0));
        ConvertDouble(Opaque(18446744073709551616.0));
        ConvertDouble(Opaque(1e300));
        ConvertDouble(Opaque(-1e300));
        ConvertDouble(1.0 / zero);
        ConvertDouble(-1.0 / zero);
        ConvertDouble(zero / zero);
        ConvertDouble(Opaque(double.NaN));
        ConvertDouble(Opaque(4.9e-324));

        float fzero = Opaque(0.0f);
        ConvertFloat(Opaque(3.75f));
        ConvertFloat(Opaque(-3.75f));
        ConvertFloat(Opaque(255.99f));
        ConvertFloat(Opaque(65535.5f));
        ConvertFloat(Opaque(2147483520.0f));
        ConvertFloat(Opaque(2147483648.0f));
        ConvertFloat(Opaque(-2147483648.0f));
        ConvertFloat(Opaque(4294967040.0f));
        ConvertFloat(Opaque(4294967296.0f));
        ConvertFloat(Opaque(9223371487098961920.0f));
        ConvertFloat(Opaque(9223372036854775808.0f));
        ConvertFloat(Opaque(18446742974197923840.0f));
        ConvertFloat(Opaque(3.4e38f));
        ConvertFloat(Opaque(-3.4e38f));
        ConvertFloat(1.0f / fzero);
        ConvertFloat(-1.0f / fzero);
        ConvertFloat(fzero / fzero);
        ConvertFloat(Opaque(float.NaN));

        // nint/nuint from floating point: only values that fit in 32 bits
        Console.WriteLine((nint)Opaque(-123456.7));
        Console.WriteLine((nuint)Opaque(123456.7));
        Console.WriteLine((nint)Opaque(double.NaN));
        Console.WriteLine((nuint)Opaque(-5.0));
        return 0;
    }
}
