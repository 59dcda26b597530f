// Pointer-size dependent arithmetic: nint/nuint overflow and wrap, conversions from 64-bit values that
// truncate on 32-bit targets, pointer differences as nint, and sizeof of pointer-sized types in structs.
using System;

unsafe class Program
{
    static nint OpaqueN(nint x) => x;
    static long OpaqueL(long x) => x;

    static int Main()
    {
        nint big = OpaqueN(nint.MaxValue);
        Console.WriteLine(big);
        Console.WriteLine(big + 1);
        Console.WriteLine(unchecked((nuint)(-1)));
        long wide = OpaqueL(0x1_2345_6789);
        Console.WriteLine((nint)wide);
        Console.WriteLine((nuint)wide);
        Console.WriteLine((long)(nint)(-1));
        Console.WriteLine((ulong)(nuint)OpaqueN(-1));
        Console.WriteLine(sizeof(nint) * 8);
        byte* a = stackalloc byte[64];
        byte* b = a + 40;
        nint diff = (nint)(b - a);
        Console.WriteLine(diff);
        Console.WriteLine((nuint)b - (nuint)a);
        Console.WriteLine(((nuint)a & (nuint)(sizeof(nint) - 1)) == 0);
        nint m = OpaqueN(unchecked((nint)3037000499L));
        Console.WriteLine(m * m);
        Console.WriteLine(checked(OpaqueN(2) * OpaqueN(int.MaxValue)));
        return 0;
    }
}
