using System;

// Standard format strings with a precision (F, N, E, G, R) on doubles and floats against CoreCLR: exact decimal
// digits, ties to even on exact values, rounding that carries, the sign of zero, wide precisions.
class Program
{
    static ulong state = 0x2545F4914F6CDD1DUL;

    static ulong Next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }

    static int Main()
    {
        for (int i = 0; i < 400; i++)
        {
            // Values of every magnitude from 1e-12 to 1e12 with random mantissas.
            double m = (double)(Next() >> 11) / (1UL << 53);
            int e = (int)(Next() % 25) - 12;
            double d = m;
            for (int k = 0; k < (e < 0 ? -e : e); k++)
                d = e < 0 ? d / 10 : d * 10;
            if ((Next() & 1) != 0)
                d = -d;
            Console.WriteLine($"{d:F0}|{d:F2}|{d:F5}|{d:N2}|{d:N0}|{d:E}|{d:E2}|{d:e10}|{d:G3}|{d:G10}|{d:R}|{d:G17}");
            float f = (float)d;
            Console.WriteLine($"{f:F2}|{f:E3}|{f:G5}|{f:N1}|{f}");
        }

        Console.WriteLine($"{0.125:F2} {0.375:F2} {2.5:F0} {0.5:F0} {1.5:F0} {9.5:F0} {0.95:F1} {999.99999:F2} {0.05:F1} {0.005:F2} {0.004:F2} {0.0005:F3}");
        Console.WriteLine($"{-0.001:F2} {-0.0:F2} {-0.0:E2} {0.0:E2} {0.0:G} {0.0:N3} {-0.0:G5}");
        Console.WriteLine($"{0.1:F20} {0.1:E25} {1e300:F2} {1e-300:E5} {double.Epsilon:F0} {double.Epsilon:E30}");
        Console.WriteLine($"{1e21:N0} {123456789.987654321:N5} {-9999999.995:N2} {1e15:G} {1e16:G} {1e17:G} {1e-5:G} {1e-4:G} {1e-5:G4}");
        Console.WriteLine($"{double.NaN:F2} {double.PositiveInfinity:E} {double.NegativeInfinity:N2} {float.NaN:G5}");
        Console.WriteLine($"{1.5:e} {1.5:E0} {1.5:G0} {15.0:G1} {25.0:G1} {35.0:G1} {0.00123:G2}");
        return 0;
    }
}
