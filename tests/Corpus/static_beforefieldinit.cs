// Classes without explicit static constructors (beforefieldinit): field initializers run in textual order,
// may call methods and read other classes' fields; static readonly structs and computed tables.
using System;

struct Limits
{
    public int Low, High;
    public int Span => High - Low;
}

static class Constants
{
    public static readonly int A = 3;
    public static readonly int B = A * 7;
    public static readonly int C = Compute(B);
    public static readonly long Mask = (1L << B) - 1;
    public static readonly Limits Range = MakeLimits(-B, C);
    public static int Later = Other.Seed + 1;

    static int Compute(int x)
    {
        int r = 0;
        for (int i = 0; i < x; i++) r += i;
        return r;
    }

    static Limits MakeLimits(int low, int high)
    {
        Limits l;
        l.Low = low;
        l.High = high;
        return l;
    }
}

static class Other
{
    public static readonly int Seed = 1000;
    public static readonly string Label = "other";
}

class Program
{
    static readonly int s_programStatic = Constants.C + 1;

    static int Main()
    {
        Console.WriteLine(Constants.A);
        Console.WriteLine(Constants.B);
        Console.WriteLine(Constants.C);
        Console.WriteLine(Constants.Mask);
        Console.WriteLine(Constants.Range.Low);
        Console.WriteLine(Constants.Range.Span);
        Console.WriteLine(Constants.Later);
        Console.WriteLine(Other.Label);
        Console.WriteLine(s_programStatic);
        Constants.Later++;
        Console.WriteLine(Constants.Later);
        return 0;
    }
}
