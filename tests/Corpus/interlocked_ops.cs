using System;
using System.Threading;

// Interlocked on int, uint, long, ulong, nint and nuint (RISC-V AMOs and LR/SC; 64-bit on rv32 through the
// core library's locked helpers), a compare-and-swap loop, and SpinLock, against CoreCLR.
class Program
{
    static int counter;
    static long total;
    static ulong flags;
    static SpinLock gate;

    struct Node
    {
        public nint Next;
        public int Value;
    }

    static int AddSaturating(ref int location, int delta, int limit)
    {
        while (true)
        {
            int seen = Volatile.Read(ref location);
            int next = Math.Min(seen + delta, limit);
            if (Interlocked.CompareExchange(ref location, next, seen) == seen)
                return next;
        }
    }

    static unsafe int Main()
    {
        Console.WriteLine($"{Interlocked.Increment(ref counter)} {Interlocked.Increment(ref counter)} {Interlocked.Decrement(ref counter)} {counter}");
        Console.WriteLine($"{Interlocked.Add(ref counter, 41)} {Interlocked.Exchange(ref counter, 7)} {counter}");
        Console.WriteLine($"{Interlocked.CompareExchange(ref counter, 9, 8)} {counter} {Interlocked.CompareExchange(ref counter, 9, 7)} {counter}");
        Console.WriteLine($"{Interlocked.And(ref counter, 0xC)} {counter} {Interlocked.Or(ref counter, 0x30)} {counter}");
        counter = int.MaxValue;
        Console.WriteLine($"{Interlocked.Increment(ref counter)} {Interlocked.Add(ref counter, -1)}");

        uint u = 0xFFFF_FFF0;
        Console.WriteLine($"{Interlocked.Add(ref u, 0x20)} {Interlocked.Exchange(ref u, 5u)} {Interlocked.CompareExchange(ref u, 6u, 5u)} {u} {Interlocked.Decrement(ref u)} {Interlocked.Or(ref u, 0x8000_0000u):X}");

        Console.WriteLine($"{Interlocked.Add(ref total, 0x1_0000_0000L)} {Interlocked.Increment(ref total)} {Interlocked.Decrement(ref total)} {Interlocked.Exchange(ref total, -1)} {total}");
        Console.WriteLine($"{Interlocked.CompareExchange(ref total, 0x7FFF_FFFF_FFFF_FFFFL, -1)} {Interlocked.Read(ref total)} {Interlocked.CompareExchange(ref total, 0, 1)} {total}");
        Console.WriteLine($"{Interlocked.Or(ref flags, 0x8000_0000_0000_0001UL):X} {Interlocked.Or(ref flags, 0x100UL):X} {Interlocked.And(ref flags, 0xFFUL):X} {flags:X} {Interlocked.Read(ref flags)}");
        Console.WriteLine($"{Interlocked.Increment(ref flags)} {Interlocked.Add(ref flags, ulong.MaxValue)} {Interlocked.Exchange(ref flags, 3UL)} {Interlocked.CompareExchange(ref flags, 4UL, 3UL)} {flags}");

        nint n = 100;
        nuint m = 7;
        Console.WriteLine($"{Interlocked.Exchange(ref n, -5)} {Interlocked.CompareExchange(ref n, 6, -5)} {n} {Interlocked.CompareExchange(ref n, 1, 6)} {n}");
        Console.WriteLine($"{Interlocked.Exchange(ref m, 9)} {Interlocked.CompareExchange(ref m, 1, 2)} {m}");

        // A lock-free stack push over pointers kept as nint.
        Node* nodes = stackalloc Node[4];
        nint head = 0;
        for (int i = 0; i < 4; i++)
        {
            nodes[i].Value = i * 10;
            nint seen;
            do
            {
                seen = Volatile.Read(ref head);
                nodes[i].Next = seen;
            }
            while (Interlocked.CompareExchange(ref head, (nint)(&nodes[i]), seen) != seen);
        }

        for (Node* p = (Node*)head; p != null; p = (Node*)p->Next)
            Console.Write($"{p->Value} ");
        Console.WriteLine();

        int level = 0;
        Console.WriteLine($"{AddSaturating(ref level, 7, 10)} {AddSaturating(ref level, 7, 10)} {level}");

        gate = new SpinLock(false);
        bool taken = false;
        gate.Enter(ref taken);
        Console.WriteLine($"{taken} {gate.IsHeld}");
        bool again = false;
        gate.TryEnter(ref again);
        Console.WriteLine($"{again} {gate.IsHeld}");
        gate.Exit();
        Console.WriteLine($"{gate.IsHeld}");
        again = false;
        gate.TryEnter(ref again);
        Console.WriteLine($"{again} {gate.IsHeld}");
        gate.Exit();
        Interlocked.MemoryBarrier();
        Console.WriteLine("exit twice without owner tracking");
        SpinLock tracked = default;
        tracked.Exit();
        return 0;
    }
}
