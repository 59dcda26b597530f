// rvc has no garbage collector and no boxes: converting a value type to object is rejected.
using System;

class Program
{
    static int Main()
    {
        int value = 5;
        object o = value; // expect: RVC0001
        Console.WriteLine("unreachable");
        return o is null ? 1 : 0;
    }
}
