// Pattern matching on values: is with constants, relational and logical patterns, positional-free property
// patterns on structs, switch expressions over tuples of enums, and the conditional operator in expressions.
using System;

enum Color { Red, Green, Blue }

struct Packet
{
    public byte Kind;
    public ushort Length;
    public bool Urgent;
}

class Program
{
    static string Mix(Color a, Color b) => (a, b) switch
    {
        (Color.Red, Color.Green) or (Color.Green, Color.Red) => "yellow",
        (Color.Red, Color.Blue) or (Color.Blue, Color.Red) => "magenta",
        (Color.Green, Color.Blue) or (Color.Blue, Color.Green) => "cyan",
        _ when a == b => "same",
        _ => "?",
    };

    static int Classify(Packet p) => p switch
    {
        { Urgent: true, Length: 0 } => 1,
        { Urgent: true } => 2,
        { Kind: 0 or 1, Length: < 64 } => 3,
        { Kind: >= 2 and <= 5 } => 4,
        { Length: > 1000 } => 5,
        _ => 6,
    };

    static int Main()
    {
        int x = 42;
        Console.WriteLine(x is 42);
        Console.WriteLine(x is > 40 and < 50);
        Console.WriteLine(x is < 0 or > 100);
        Console.WriteLine(x is not 0);
        long big = 5_000_000_000;
        Console.WriteLine(big is > int.MaxValue);
        char c = 'k';
        Console.WriteLine(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');
        Console.WriteLine(Mix(Color.Red, Color.Green));
        Console.WriteLine(Mix(Color.Blue, Color.Red));
        Console.WriteLine(Mix(Color.Blue, Color.Blue));
        Console.WriteLine(Mix(Color.Green, Color.Blue));
        Packet p = default;
        Console.Write(Classify(p));
        p.Urgent = true; Console.Write(Classify(p));
        p.Length = 5; Console.Write(Classify(p));
        p.Urgent = false; p.Kind = 1; Console.Write(Classify(p));
        p.Kind = 3; Console.Write(Classify(p));
        p.Kind = 9; p.Length = 2000; Console.Write(Classify(p));
        p.Length = 100; Console.Write(Classify(p));
        Console.WriteLine();
        int sum = 0;
        for (int i = -5; i <= 5; i++) sum += i is > 0 ? i : i is < 0 ? -2 * i : 100;
        Console.WriteLine(sum);
        int? maybe = 7;
        if (maybe is int seven && seven > 5) Console.WriteLine(seven * 6);
        return 0;
    }
}
