// Math.Min, Math.Max and Math.Abs over every integer type; Math.Abs(int.MinValue) ends the program with
// OverflowException.
using System;

class Program
{
    static int OpaqueI(int x) => x;

    static int Main()
    {
        Console.WriteLine(Math.Min(OpaqueI(3), -4));
        Console.WriteLine(Math.Max(OpaqueI(3), -4));
        Console.WriteLine(Math.Min(long.MinValue, 0L));
        Console.WriteLine(Math.Max(long.MaxValue, -1L));
        Console.WriteLine(Math.Min(3u, 4000000000u));
        Console.WriteLine(Math.Max(3u, 4000000000u));
        Console.WriteLine(Math.Min(ulong.MaxValue, 7ul));
        Console.WriteLine(Math.Max((byte)200, (byte)100));
        Console.WriteLine(Math.Min((sbyte)-100, (sbyte)100));
        Console.WriteLine(Math.Max((short)-100, (short)100));
        Console.WriteLine(Math.Min((ushort)65535, (ushort)1));
        Console.WriteLine(Math.Max((nint)(-5), (nint)5));
        Console.WriteLine(Math.Min((nuint)5, (nuint)6));
        Console.WriteLine(Math.Abs(OpaqueI(-17)));
        Console.WriteLine(Math.Abs(OpaqueI(17)));
        Console.WriteLine(Math.Abs(-9000000000L));
        Console.WriteLine(Math.Abs((short)-32767));
        Console.WriteLine(Math.Abs((sbyte)-127));
        Console.WriteLine(Math.Abs((nint)(-123)));
        Console.WriteLine(Math.Abs(OpaqueI(int.MinValue + 1)));
        int clamped = Math.Max(0, Math.Min(OpaqueI(500), 255));
        Console.WriteLine(clamped);
        Console.WriteLine("Math.Abs(int.MinValue) now");
        Console.WriteLine(Math.Abs(OpaqueI(int.MinValue)));
        return 0;
    }
}
