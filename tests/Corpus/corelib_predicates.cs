// Small core-library predicates programs reach for: double/float classification, char classification and
// surrogates, string null-or-empty, static and instance Equals(string), Math constants.
using System;

class Program
{
    static double Opaque(double x) => x;
    static string Pick() => "kernel";

    static int Main()
    {
        double zero = Opaque(0.0);
        double nan = zero / zero;
        double inf = 1.0 / zero;
        Console.WriteLine(double.IsNaN(nan));
        Console.WriteLine(double.IsNaN(inf));
        Console.WriteLine(double.IsInfinity(-inf));
        Console.WriteLine(double.IsPositiveInfinity(inf));
        Console.WriteLine(double.IsFinite(1e308));
        Console.WriteLine(float.IsNaN((float)nan));
        Console.WriteLine(float.IsInfinity((float)1e39));
        Console.WriteLine(char.IsDigit('7'));
        Console.WriteLine(char.IsDigit('x'));
        Console.WriteLine(char.IsLetter('q'));
        Console.WriteLine(char.IsWhiteSpace(' '));
        Console.WriteLine(char.IsWhiteSpace('_'));
        Console.WriteLine(char.IsUpper('Q'));
        Console.WriteLine(char.IsLower('Q'));
        Console.WriteLine(char.IsHighSurrogate("😀"[0]));
        Console.WriteLine(char.IsLowSurrogate("😀"[1]));
        string none = null;
        Console.WriteLine(string.IsNullOrEmpty(none));
        Console.WriteLine(string.IsNullOrEmpty(""));
        Console.WriteLine(string.IsNullOrEmpty("x"));
        Console.WriteLine(string.Equals("abc", "abc"));
        Console.WriteLine(string.Equals(none, "abc"));
        Console.WriteLine("kernel".Equals(Pick()));
        Console.WriteLine((long)(Math.PI * 1e15));
        Console.WriteLine((long)(Math.E * 1e15));
        return 0;
    }
}
