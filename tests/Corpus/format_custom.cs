using System;

// Custom numeric format strings on integers, doubles and floats against CoreCLR: 0 and # placeholders, the
// decimal point, grouping and scaling commas, %, scientific notation with E0/E+0/e-00, literals in quotes and
// after a backslash, sections for negative and zero values (and values that round to zero), negative zero, and
// 15 (double) or 7 (float) significant digits rounded again half up. Through TryFormat with a format from a
// table and through interpolation holes.
class Program
{
    static string Format(int i) => i switch
    {
        0 => "0",
        1 => "0.00",
        2 => "#",
        3 => "#.##",
        4 => "#,##0.00",
        5 => "0,",
        6 => "#,##0,,",
        7 => "0.0E+0",
        8 => "0.###e-00",
        9 => "00.00%",
        10 => "0;(0);zero",
        11 => "#;-#;",
        12 => ";;",
        13 => "0.0;",
        14 => "'x'0\\#",
        15 => "#,#",
        16 => "0,0.0",
        17 => "00",
        18 => "0000",
        19 => "#,0",
        20 => "\"<\"0.0\">\"",
        21 => "0.00E0",
        22 => "[0]E",
        23 => "0\u2030",
        24 => "000.000",
        _ => "#0.0#;minus #0.0#;nothing",
    };

    const int Formats = 26;

    static double DoubleValue(int i) => i switch
    {
        0 => -0.001,
        1 => -0.0,
        2 => 0.0,
        3 => -0.4,
        4 => -0.6,
        5 => 0.125,
        6 => 0.135,
        7 => 1.005,
        8 => 2.5,
        9 => -2.5,
        10 => 1234567.891,
        11 => 1e20,
        12 => 1e-20,
        13 => 123.456e10,
        14 => double.NaN,
        15 => double.NegativeInfinity,
        16 => 0.1 + 0.2,
        17 => 999.9999,
        _ => 1.0 / 3,
    };

    const int Doubles = 19;

    static long LongValue(int i) => i switch
    {
        0 => 0,
        1 => -1,
        2 => 5,
        3 => -5,
        4 => 12345,
        5 => -1234567,
        6 => long.MinValue,
        7 => 999,
        8 => 1000,
        9 => 499,
        _ => long.MaxValue,
    };

    const int Longs = 11;

    static void Show<T>(T value, string format) where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[96];
        if (value.TryFormat(buffer, out int written, format, null))
        {
            Console.Write('[');
            for (int i = 0; i < written; i++)
                Console.Write(buffer[i]);
            Console.Write(']');
        }
        else
        {
            Console.Write("[too long]");
        }
    }

    static int Main()
    {
        for (int f = 0; f < Formats; f++)
        {
            string format = Format(f);
            Console.Write(format);
            Console.Write(" =>");
            for (int i = 0; i < Doubles; i++)
                Show(DoubleValue(i), format);
            Console.WriteLine();
            Console.Write("  float:");
            for (int i = 0; i < Doubles; i++)
                Show((float)DoubleValue(i), format);
            Console.WriteLine();
            Console.Write("  long:");
            for (int i = 0; i < Longs; i++)
                Show(LongValue(i), format);
            Console.Write(" | ");
            Show((byte)200, format);
            Show((sbyte)-100, format);
            Show((ushort)65535, format);
            Show(ulong.MaxValue, format);
            Console.WriteLine();
        }

        int h = 7, m = 5, s = 3;
        double load = 0.4567;
        Console.WriteLine($"uptime {h:00}:{m:00}:{s:00}, load {load:0.0%}, {1234567:#,0} bytes, [{42,6:000}] [{-3.14159,-9:0.00}]");

        // A destination too small for the result.
        Span<char> small = stackalloc char[4];
        Console.WriteLine(12345.TryFormat(small, out int n, "#,##0"));
        Console.WriteLine(n);
        Console.WriteLine((-0.5).TryFormat(small.Slice(0, 2), out n, "0.0"));
        Console.WriteLine(n);
        return 0;
    }
}
