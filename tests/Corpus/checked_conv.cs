// checked integer conversions (conv.ovf.*): in-range values pass, then a narrowing that does not fit
// ends the program with OverflowException.
using System;

class Program
{
    static long OpaqueL(long x) => x;
    static int OpaqueI(int x) => x;
    static ulong OpaqueUL(ulong x) => x;

    static int Main()
    {
        Console.WriteLine(checked((sbyte)OpaqueI(-128)));
        Console.WriteLine(checked((byte)OpaqueI(255)));
        Console.WriteLine(checked((short)OpaqueI(-32768)));
        Console.WriteLine(checked((ushort)OpaqueI(65535)));
        Console.WriteLine(checked((char)OpaqueI(65)));
        Console.WriteLine(checked((int)OpaqueL(int.MinValue)));
        Console.WriteLine(checked((uint)OpaqueL(uint.MaxValue)));
        Console.WriteLine(checked((long)OpaqueUL(long.MaxValue)));
        Console.WriteLine(checked((ulong)OpaqueL(0)));
        Console.WriteLine(checked((int)(uint)OpaqueL(int.MaxValue)));
        Console.WriteLine(checked((uint)OpaqueI(0)));
        Console.WriteLine(checked((nint)OpaqueL(-2147483648)));
        Console.WriteLine(checked((nuint)OpaqueL(4294967295)));
        Console.WriteLine(checked((byte)(sbyte)OpaqueI(127)));
        Console.WriteLine(unchecked((byte)OpaqueI(-1)));
        Console.WriteLine("narrowing 256 to byte now");
        Console.WriteLine(checked((byte)OpaqueI(256)));
        return 0;
    }
}
