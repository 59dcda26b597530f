using System;

// Static virtual interface members with default bodies called through a type parameter (nothing is boxed), and
// Enum.HasFlag compiled as (value & flag) == flag without boxing, against CoreCLR.
interface IWidth
{
    static virtual int Bits => 8;

    static abstract string Name { get; }

    static virtual int Bytes() => 1;
}

struct Narrow : IWidth
{
    public static string Name => "narrow";
}

struct Wide : IWidth
{
    public static int Bits => 64;

    public static string Name => "wide";

    public static int Bytes() => 8;
}

[Flags]
enum Access : byte
{
    None = 0,
    Read = 1,
    Write = 2,
    Execute = 4,
}

[Flags]
enum Big : ulong
{
    Low = 1,
    High = 0x8000_0000_0000_0000,
}

class Program
{
    static void Describe<T>() where T : IWidth
    {
        Console.WriteLine($"{T.Name}: {T.Bits} bits, {T.Bytes()} bytes");
    }

    static Access Get(int i) => (Access)i;

    static int Main()
    {
        Describe<Narrow>();
        Describe<Wide>();
        for (int i = 0; i < 8; i++)
        {
            Access a = Get(i);
            Console.WriteLine($"{i}: {a.HasFlag(Access.Read)} {a.HasFlag(Access.Write | Access.Execute)} {a.HasFlag(Access.None)} {a.HasFlag(Get(i & 3))}");
        }

        Big b = Big.High;
        Console.WriteLine($"{b.HasFlag(Big.High)} {b.HasFlag(Big.Low)} {(b | Big.Low).HasFlag(Big.Low | Big.High)}");
        return 0;
    }
}
