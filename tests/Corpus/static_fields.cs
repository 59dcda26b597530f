// Static fields of every type: default values, initializers, mutation, static struct fields, statics in
// generic-free nested classes, static readonly.
using System;

struct Point3
{
    public int X, Y, Z;
}

static class Config
{
    public static int Counter;
    public static long Big = 1L << 40;
    public static bool Enabled = true;
    public static char Letter = 'Q';
    public static double Ratio = 0.75;
    public static string Name = "config";
    public static Point3 Origin;
    public static readonly Point3 Unit = MakeUnit();
    public static byte Small = 255;
    public static short Negative = -300;
    public static nint Native = -12345;

    static Point3 MakeUnit()
    {
        Point3 p;
        p.X = 1; p.Y = 1; p.Z = 1;
        return p;
    }

    public static class Nested
    {
        public static int Depth = 2;
    }
}

#pragma warning disable CS0649 // never assigned on purpose: its default value is what is printed
class Program
{
    static int s_uninitialized;
    static string s_nullString;
    static float s_float;

    static int Main()
    {
        Console.WriteLine(s_uninitialized);
        Console.WriteLine(s_nullString == null);
        Console.WriteLine(s_float == 0);
        Console.WriteLine(Config.Counter);
        Console.WriteLine(Config.Big);
        Console.WriteLine(Config.Enabled);
        Console.WriteLine(Config.Letter);
        Console.WriteLine((int)(Config.Ratio * 100));
        Console.WriteLine(Config.Name);
        Console.WriteLine(Config.Origin.X + Config.Origin.Y + Config.Origin.Z);
        Console.WriteLine(Config.Unit.X + Config.Unit.Y + Config.Unit.Z);
        Console.WriteLine(Config.Small);
        Console.WriteLine(Config.Negative);
        Console.WriteLine(Config.Native);
        Console.WriteLine(Config.Nested.Depth);

        for (int i = 0; i < 5; i++) Config.Counter += i;
        Config.Origin.Y = 9;
        Config.Big >>= 20;
        Config.Enabled = !Config.Enabled;
        Config.Name = "changed";
        Config.Nested.Depth *= 21;
        Console.WriteLine(Config.Counter);
        Console.WriteLine(Config.Origin.Y);
        Console.WriteLine(Config.Big);
        Console.WriteLine(Config.Enabled);
        Console.WriteLine(Config.Name);
        Console.WriteLine(Config.Nested.Depth);
        ref int counter = ref Config.Counter;
        counter = 1000;
        Console.WriteLine(Config.Counter);
        s_uninitialized = Config.Nested.Depth + 1;
        Console.WriteLine(s_uninitialized);
        return 0;
    }
}
