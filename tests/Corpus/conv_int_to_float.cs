// Integer to floating-point conversions (rounding to nearest even), printed as IEEE bits.
using System;

class Program
{
    static void Hex(ulong v, int digits)
    {
        for (int i = digits - 1; i >= 0; i--)
        {
            int d = (int)((v >> (i * 4)) & 0xF);
            Console.Write((char)(d < 10 ? '0' + d : 'a' + d - 10));
        }
    }

    static void D(double d) { Hex((ulong)BitConverter.DoubleToInt64Bits(d), 16); Console.Write(' '); }
    static void F(float f) { Hex((uint)BitConverter.SingleToInt32Bits(f), 8); Console.Write(' '); }

    static int OpaqueI(int x) => x;
    static uint OpaqueU(uint x) => x;
    static long OpaqueL(long x) => x;
    static ulong OpaqueUL(ulong x) => x;

    static int Main()
    {
        Console.Write("int: ");
        D(OpaqueI(0)); D(OpaqueI(1)); D(OpaqueI(-1)); D(OpaqueI(int.MaxValue)); D(OpaqueI(int.MinValue));
        F(OpaqueI(16777217)); F(OpaqueI(16777219)); F(OpaqueI(int.MaxValue)); F(OpaqueI(-16777217)); F(OpaqueI(123456789));
        Console.WriteLine();
        Console.Write("uint: ");
        D(OpaqueU(uint.MaxValue)); D(OpaqueU(0x80000000u)); F(OpaqueU(uint.MaxValue)); F(OpaqueU(0x80000001u)); F(OpaqueU(4294967040u));
        Console.WriteLine();
        Console.Write("long: ");
        D(OpaqueL(long.MaxValue)); D(OpaqueL(long.MinValue)); D(OpaqueL(9007199254740993)); D(OpaqueL(-9007199254740993));
        D(OpaqueL(9007199254740995)); D(OpaqueL(0x7FFF_FFFF_FFFF_FDFF)); F(OpaqueL(long.MaxValue)); F(OpaqueL(-123456789012345));
        Console.WriteLine();
        Console.Write("ulong: ");
        D(OpaqueUL(ulong.MaxValue)); D(OpaqueUL(0x8000_0000_0000_0000)); D(OpaqueUL(0x8000_0000_0000_0800));
        D(OpaqueUL(0xFFFF_FFFF_FFFF_F000)); D(OpaqueUL(12345678901234567890)); F(OpaqueUL(ulong.MaxValue)); F(OpaqueUL(0x8000_0100_0000_0000));
        Console.WriteLine();
        Console.Write("small: ");
        D((sbyte)OpaqueI(-128)); D((byte)OpaqueI(255)); F((short)OpaqueI(-32768)); F((ushort)OpaqueI(65535)); F((char)OpaqueI('z'));
        Console.WriteLine();
        Console.Write("native: ");
        D((nint)OpaqueI(-1000000)); F((nuint)OpaqueU(3000000000u));
        Console.WriteLine();

        // round trips that must be exact
        int ok = 0;
        for (int i = -100000; i <= 100000; i += 997)
        {
            double d = i;
            float f = i;
            if ((int)d == i && (int)f == i) ok++;
        }
        Console.WriteLine(ok);
        long sum = 0;
        for (long v = 1; v < 1L << 62; v = v * 3 + 1)
        {
            double d = v;
            sum += (long)d - v;
        }
        Console.WriteLine(sum);
        return 0;
    }
}
