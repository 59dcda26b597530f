// An uncaught exception ends the program: throw new InvalidOperationException("message") from a nested call,
// after some output. (Nothing prints in finally blocks: CoreCLR runs them while rvc stops at the throw.)
using System;

struct Device
{
    public int State;
}

class Program
{
    static void Check(ref Device d, int expected)
    {
        if (d.State != expected)
        {
            throw new InvalidOperationException("device is in the wrong state");
        }
        Console.Write("state ");
        Console.Write(d.State);
        Console.WriteLine(" ok");
    }

    static void Advance(ref Device d) => d.State++;

    static int Main()
    {
        Device dev = default;
        Check(ref dev, 0);
        Advance(ref dev);
        Check(ref dev, 1);
        Advance(ref dev);
        Advance(ref dev);
        Console.WriteLine("checking again");
        Check(ref dev, 2);
        Console.WriteLine("unreachable");
        return 0;
    }
}
