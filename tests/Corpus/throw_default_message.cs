// Exceptions created without a message report their default message: NotSupportedException here.
using System;

class Program
{
    static int Feature(int id)
    {
        if (id > 2) throw new NotSupportedException();
        return id * 10;
    }

    static int Main()
    {
        for (int i = 0; i < 5; i++)
        {
            Console.WriteLine(Feature(i));
        }
        return 0;
    }
}
