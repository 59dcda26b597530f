// static void Main: the program's exit status is 0.
using System;

class Program
{
    static int s_ticks;

    static void Tick() => s_ticks++;

    static void Main()
    {
        for (int i = 0; i < 3; i++) Tick();
        Console.Write("ticks: ");
        Console.WriteLine(s_ticks);
        if (s_ticks == 3) return;
        Console.WriteLine("unreachable");
    }
}
