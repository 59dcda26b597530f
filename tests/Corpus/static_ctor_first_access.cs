using System;

// Static constructors run at the first access to their type, as on CoreCLR: a static field read or write, a
// static method call or an instance constructor for a type without beforefieldinit, only a static field access
// for one with it; once, even when the constructor touches its own type; a constructor reading another type's
// state sees what Main stored there first (the repro).
static class Config
{
    public static int Level;
}

static class Logger
{
    public static readonly int Threshold;

    static Logger()
    {
        Console.WriteLine("Logger init");
        Threshold = Config.Level * 10;
    }
}

static class Counter
{
    public static int Calls;

    static Counter()
    {
        Console.WriteLine("Counter init");
        Calls = 100;
        Bump();
    }

    public static void Bump() => Calls++;
}

struct Meter
{
    public static int Created;
    public int Value;

    static Meter() => Console.WriteLine("Meter init");

    public Meter(int value)
    {
        Value = value;
        Created++;
    }
}

static class Lazy
{
    // beforefieldinit (no static constructor in C#): only a static field access runs the initialiser.
    public static int Value = Init();

    static int Init()
    {
        Console.WriteLine("Lazy init");
        return 7;
    }

    public static int Twice(int x) => 2 * x;
}

static class Chain
{
    public static int A = Step("Chain.A", 1);
    public static int B = Step("Chain.B", A + Other.X);

    static int Step(string name, int value)
    {
        Console.WriteLine(name);
        return value;
    }
}

static class Other
{
    public static int X = Report();

    static int Report()
    {
        Console.WriteLine("Other init");
        return 40;
    }
}

class Program
{
    static int Main()
    {
        Console.WriteLine("Main starts");
        Config.Level = 5;
        Console.WriteLine(Logger.Threshold);
        Console.WriteLine(Logger.Threshold);
        Counter.Bump();
        Console.WriteLine(Counter.Calls);
        Meter m = default;
        Console.WriteLine(m.Value);
        m = new Meter(3);
        Console.WriteLine($"{m.Value} {Meter.Created}");
        Console.WriteLine(Lazy.Twice(4));
        Console.WriteLine(Lazy.Value);
        Console.WriteLine(Chain.B);
        return Logger.Threshold;
    }
}
