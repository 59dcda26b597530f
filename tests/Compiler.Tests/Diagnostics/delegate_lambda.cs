// Delegates are objects: lambdas converted to delegates are rejected (use function pointers).
using System;

delegate int IntOperation(int value);

class Program
{
    static int Main()
    {
        IntOperation increment = static x => x + 1; // expect: RVC0005
        Console.WriteLine(increment(41));
        return 0;
    }
}
