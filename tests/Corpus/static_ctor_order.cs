// Explicit static constructors with dependencies between classes. CoreCLR runs them lazily on first access;
// rvc runs them before Main in dependency order. Both must give the same values, so the program observes only
// what the dependencies fix: each constructor records its completion in a sequence number, and the
// constructors read each other's fields. (No constructor prints: when it runs would differ.)
using System;

static class Log
{
    public static int Sequence;
    public static int Next() => ++Sequence;
}

static class Base
{
    public static readonly int Value;
    public static readonly int Done;

    static Base()
    {
        Value = 40;
        Done = Log.Next();
    }
}

static class Middle
{
    public static readonly int Value;
    public static readonly int Done;

    static Middle()
    {
        Value = Base.Value + 2;
        Done = Log.Next();
    }
}

static class Top
{
    public static readonly int Value;
    public static readonly int Done;
    public static int Runs;

    static Top()
    {
        Runs++;
        Value = Middle.Value * 10 + Base.Value;
        Done = Log.Next();
    }
}

static class Table
{
    public static readonly int Sum;
    public static readonly int Count;

    static Table()
    {
        for (int i = 1; i <= 10; i++)
        {
            Sum += i * i;
            Count++;
        }
    }
}

class Program
{
    static int Main()
    {
        Console.WriteLine(Top.Value);
        Console.WriteLine(Middle.Value);
        Console.WriteLine(Base.Value);
        // Base finished before Middle, Middle before Top: those orders are forced by the reads
        Console.WriteLine(Base.Done < Middle.Done);
        Console.WriteLine(Middle.Done < Top.Done);
        Console.WriteLine(Top.Runs);
        Console.WriteLine(Top.Runs);
        Console.WriteLine(Table.Sum);
        Console.WriteLine(Table.Count);
        Console.WriteLine(Log.Sequence);
        return 0;
    }
}
