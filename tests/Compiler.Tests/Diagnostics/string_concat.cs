// String concatenation allocates a new string (string.Concat): an unsupported library method.
using System;

class Program
{
    static string Name() => "world";

    static int Main()
    {
        string s = Name();
        string greeting = "hello, " + s; // expect: RVC0007
        Console.WriteLine(greeting);
        return 0;
    }
}
