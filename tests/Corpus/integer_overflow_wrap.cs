// Unchecked overflow wraps modulo 2^n at every width (the default context).
using System;

class Program
{
    static int OpaqueI(int x) => x;
    static long OpaqueL(long x) => x;

    static int Main()
    {
        int max = OpaqueI(int.MaxValue);
        Console.WriteLine(max + 1);
        Console.WriteLine(max * 2);
        Console.WriteLine(max * max);
        Console.WriteLine(-OpaqueI(int.MinValue));
        Console.WriteLine(OpaqueI(int.MinValue) - 1);
        long lmax = OpaqueL(long.MaxValue);
        Console.WriteLine(lmax + 1);
        Console.WriteLine(lmax * 3);
        Console.WriteLine(-OpaqueL(long.MinValue));
        Console.WriteLine((uint)OpaqueI(0) - 1u);
        Console.WriteLine((ulong)OpaqueL(0) - 1ul);
        Console.WriteLine(unchecked((ulong)lmax * 4));
        int x = max;
        x++;
        Console.WriteLine(x);
        x--;
        Console.WriteLine(x);
        sbyte sb = (sbyte)OpaqueI(127);
        sb++;
        Console.WriteLine(sb);
        ushort us = 0;
        us--;
        Console.WriteLine(us);
        // Knuth's multiplicative hash relies on wrap-around
        uint h = 0;
        for (uint i = 1; i <= 10; i++)
        {
            h += i * 2654435761u;
            Console.Write(h >> 22); Console.Write(' ');
        }
        Console.WriteLine();
        // 64-bit LCG (MMIX)
        ulong state = 1;
        for (int i = 0; i < 5; i++)
        {
            state = state * 6364136223846793005ul + 1442695040888963407ul;
            Console.WriteLine(state);
        }
        return 0;
    }
}
