// Exceptions end the program: there is no unwinding, so catch clauses are rejected.
using System;

class Program
{
    static void Fail() => throw new InvalidOperationException("boom");

    static int Main()
    {
        try { Fail(); } catch (InvalidOperationException) { Console.WriteLine("caught"); } // expect: RVC0004
        return 0;
    }
}
