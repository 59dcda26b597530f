// An interpolated string used as a string needs the heap (DefaultInterpolatedStringHandler): refused with a
// message that names Console.Write($"...") and TryWrite, not Roslyn's CS0117 about string.Format.
using System;

class Program
{
    static int Main()
    {
        int irq = 5;
        string line = $"irq {irq} fired"; // expect: RVC0007
        Console.WriteLine(line);
        return 0;
    }
}
