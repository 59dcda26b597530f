// Infinities, signed zeros, subnormals and the float/double constants, via their bits.
using System;

class Program
{
    static double OpaqueD(double x) => x;

    static void Classify(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFF;
        bool negative = bits < 0;
        Console.Write(negative ? '-' : '+');
        if (exponent == 0x7FF) Console.Write(mantissa == 0 ? "inf" : "nan");
        else if (exponent == 0) Console.Write(mantissa == 0 ? "zero" : "subnormal");
        else Console.Write("normal");
        Console.Write(' ');
        Console.Write(exponent - 1023);
        Console.Write(' ');
        Console.WriteLine(mantissa);
    }

    static int Main()
    {
        double zero = OpaqueD(0.0);
        Classify(1.0 / zero);
        Classify(-1.0 / zero);
        Classify(-zero);
        Classify(zero);
        Classify(OpaqueD(double.Epsilon));
        Classify(OpaqueD(2.2250738585072009e-308));
        Classify(OpaqueD(2.2250738585072014e-308));
        Classify(OpaqueD(double.MaxValue));
        Classify(OpaqueD(-1.5));
        Classify(OpaqueD(1024.0));
        Classify(OpaqueD(0.1));
        // building doubles from bits
        Classify(BitConverter.Int64BitsToDouble(0x3FF8_0000_0000_0000));
        double fromBits = BitConverter.Int64BitsToDouble(0x4059_0000_0000_0000);
        Console.WriteLine((int)fromBits);
        float f = BitConverter.Int32BitsToSingle(0x4049_0FDB);
        Console.WriteLine((int)(f * 100000));
        Console.WriteLine(BitConverter.SingleToInt32Bits(-0.0f));
        Console.WriteLine(BitConverter.DoubleToInt64Bits(-0.0));
        // ulp steps around 1.0
        double one = OpaqueD(1.0);
        long ob = BitConverter.DoubleToInt64Bits(one);
        double up = BitConverter.Int64BitsToDouble(ob + 1);
        double down = BitConverter.Int64BitsToDouble(ob - 1);
        Console.WriteLine(up > one);
        Console.WriteLine(down < one);
        Console.WriteLine(BitConverter.DoubleToInt64Bits(up - one));
        Console.WriteLine(BitConverter.DoubleToInt64Bits(one - down));
        // gradual underflow: halve until zero
        double d = OpaqueD(1.0);
        int halvings = 0;
        while (d != 0)
        {
            d /= 2;
            halvings++;
        }
        Console.WriteLine(halvings);
        float fd = 1f;
        halvings = 0;
        while (fd != 0)
        {
            fd /= 2;
            halvings++;
        }
        Console.WriteLine(halvings);
        return 0;
    }
}
