using System;

// Shortest round-trip printing of double and float (as .NET Core 3.0+), against CoreCLR: random bit patterns
// (every exponent, subnormals included), powers of ten and their neighbours, and the special values.
class Program
{
    static ulong state = 0x9E3779B97F4A7C15UL;

    static ulong Next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }

    static int Main()
    {
        for (int i = 0; i < 1500; i++)
        {
            double d = BitConverter.Int64BitsToDouble((long)Next());
            if (double.IsNaN(d))
                continue;
            Console.WriteLine(d);
        }

        for (int i = 0; i < 300; i++)
        {
            // Subnormals and the smallest normals.
            double d = BitConverter.Int64BitsToDouble((long)(Next() >> (12 + i % 40)));
            Console.WriteLine(d);
        }

        for (int i = 0; i < 1000; i++)
        {
            float f = BitConverter.Int32BitsToSingle((int)Next());
            if (float.IsNaN(f))
                continue;
            Console.WriteLine(f);
        }

        double p = 1;
        for (int e = 0; e <= 308; e++)
        {
            long bits = BitConverter.DoubleToInt64Bits(p);
            Console.WriteLine($"{p} {BitConverter.Int64BitsToDouble(bits - 1)} {BitConverter.Int64BitsToDouble(bits + 1)} {1 / p}");
            p *= 10;
        }

        float q = 1;
        for (int e = 0; e <= 38; e++)
        {
            int bits = BitConverter.SingleToInt32Bits(q);
            Console.WriteLine($"{q} {BitConverter.Int32BitsToSingle(bits - 1)} {BitConverter.Int32BitsToSingle(bits + 1)} {1 / q}");
            q *= 10;
        }

        Console.WriteLine($"{0.1 + 0.2} {1.0 / 3} {2.0 / 3} {-0.0} {0.0} {double.Epsilon} {double.MaxValue} {double.MinValue} {2.2250738585072014E-308} {2.2250738585072009E-308}");
        Console.WriteLine($"{double.NaN} {double.PositiveInfinity} {double.NegativeInfinity} {float.NaN} {float.PositiveInfinity} {float.NegativeInfinity} {-0.0f}");
        Console.WriteLine($"{float.Epsilon} {float.MaxValue} {float.MinValue} {1.17549435E-38f} {16777217f} {9007199254740993.0} {1e23} {5e-324} {4.35e-322}");
        return 0;
    }
}
