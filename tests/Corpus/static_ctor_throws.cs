// A static constructor that throws: the exception becomes a TypeInitializationException at the first access
// (CoreCLR runs it then, after Main has printed and stored what it reads).
using System;
static class Config { public static int Level; }
static class Logger
{
    public static readonly int Threshold;
    static Logger() { Threshold = Config.Level * 10; }
}
class Program
{
    static class Bad
    {
        public static int Value = Compute();
        static int Compute() { Console.WriteLine("Bad init"); throw new InvalidOperationException("no config"); }
    }
    static int Main()
    {
        Config.Level = 5;
        Console.WriteLine(Logger.Threshold);
        Console.WriteLine("before");
        Console.WriteLine(Bad.Value);
        return Logger.Threshold;
    }
}
