using System;

// Enums in interpolated strings and TryFormat, against CoreCLR: names, [Flags] combinations as .NET joins them,
// undefined values as numbers (signed underlying types too), and the D, X and F formats; Console.Write and
// WriteLine of an enum (.NET boxes it and prints its ToString(); rvc formats it in place).
class Program
{
    enum Color { Red, Green, Blue = 4 }

    [Flags]
    enum Access : byte { None = 0, Read = 1, Write = 2, Execute = 4, ReadWrite = 3 }

    [Flags]
    enum Bits : ulong { Low = 1, High = 0x8000_0000_0000_0000 }

    enum Level : sbyte { Low = -1, Zero = 0, High = 1 }

    [Flags]
    enum NoZero { A = 1, B = 2 }

    enum Empty { }

    static int Main()
    {
        Console.WriteLine($"{Color.Red} {Color.Green} {Color.Blue} {(Color)3} {(Color)(-2)}");
        for (int i = 0; i < 10; i++)
        {
            Console.WriteLine($"{(Access)i} | {(Access)i:D} | {(Access)i:X} | {(Access)i:F} | {(Access)i:G}");
        }

        Console.WriteLine($"{Bits.Low | Bits.High} {(Bits)2} {(Bits)0} {Bits.High:X}");
        Console.WriteLine($"{Level.Low} {(Level)(-5)} {Level.Low:D} {Level.Low:X} {(Level)(-5):X} {(Level)7}");
        Console.WriteLine($"{(NoZero)0} {(NoZero)3} {(NoZero)4} {(NoZero)7}");
        Console.WriteLine($"{(Empty)0} {(Empty)5} {(Color)5:F} {(Color)6:F}");
        Console.WriteLine($"[{Color.Green,8}] [{Access.ReadWrite,-12}]");

        Span<char> buffer = stackalloc char[4];
        Console.WriteLine(Enum.TryFormat(Color.Green, buffer, out int n));
        Console.WriteLine(n);
        Console.WriteLine(Enum.TryFormat(Color.Red, buffer, out n, "D"));
        Console.WriteLine(n);
        for (int i = 0; i < n; i++)
        {
            Console.Write(buffer[i]);
        }

        Console.WriteLine();
        Console.WriteLine(Color.Blue);
        Console.WriteLine(Access.Read | Access.Execute);
        Console.Write(Level.Low);
        Console.Write((Level)(-5));
        Console.Write(' ');
        Console.Write((Bits)3);
        Console.WriteLine((NoZero)0);
        return 0;
    }
}
