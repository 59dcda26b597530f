// using with struct IDisposable: Dispose is a constrained call (no boxing) and runs on every exit path;
// using declarations dispose in reverse order at the end of the scope; nested usings; a lock-guard pattern.
using System;

struct Guard : IDisposable
{
    private readonly int _id;
    public Guard(int id)
    {
        _id = id;
        Program.Log(id);
    }

    public void Dispose() => Program.Log(-_id);
}

struct InterruptsOff : IDisposable
{
    public static int Depth;
    private readonly bool _active;

    public InterruptsOff(bool active)
    {
        _active = active;
        if (active) Depth++;
    }

    public void Dispose()
    {
        if (_active) Depth--;
    }
}

ref struct Lease
{
    private ref int _slot;
    public Lease(ref int slot)
    {
        _slot = ref slot;
        _slot++;
    }

    public void Dispose() => _slot--;
}

class Program
{
    static int s_count;

    public static void Log(int v)
    {
        Console.Write(v);
        Console.Write(' ');
        s_count++;
    }

    static int EarlyReturn(int x)
    {
        using (new Guard(7))
        {
            if (x > 0) return x * 2;
            Log(0);
        }
        return -1;
    }

    static void Declarations()
    {
        using var a = new Guard(1);
        using var b = new Guard(2);
        {
            using var c = new Guard(3);
        }
        Log(99);
    }

    static int Main()
    {
        using (new Guard(5))
        {
            Log(50);
        }
        Console.WriteLine();
        Console.WriteLine(EarlyReturn(4));
        Console.WriteLine(EarlyReturn(-4));
        Declarations();
        Console.WriteLine();
        for (int i = 1; i <= 3; i++)
        {
            using var g = new Guard(10 + i);
            if (i == 2) continue;
            Log(100 + i);
        }
        Console.WriteLine();
        using (var outer = new InterruptsOff(true))
        {
            using (var inner = new InterruptsOff(true))
            {
                Console.WriteLine(InterruptsOff.Depth);
            }
            using (var skipped = new InterruptsOff(false))
            {
                Console.WriteLine(InterruptsOff.Depth);
            }
        }
        Console.WriteLine(InterruptsOff.Depth);
        int leases = 0;
        using (var l1 = new Lease(ref leases))
        {
            using var l2 = new Lease(ref leases);
            Console.WriteLine(leases);
        }
        Console.WriteLine(leases);
        Console.WriteLine(s_count);
        return 0;
    }
}
