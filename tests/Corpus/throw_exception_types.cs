// Other exception types ending the program: ArgumentException with a message, thrown from a generic method
// through a throw expression.
using System;

class Program
{
    static T Require<T>(bool condition, T value) => condition ? value : throw new ArgumentException("value rejected by Require");

    static int Main()
    {
        Console.WriteLine(Require(true, 5));
        Console.WriteLine(Require(true, 6L));
        Console.WriteLine(Require(1 < 2, 'c'));
        Console.WriteLine("now failing");
        Console.WriteLine(Require(false, 7));
        return 0;
    }
}
