// Division and remainder truncate toward zero; the remainder takes the sign of the dividend, at every width.
using System;

class Program
{
    static void S8(sbyte a, sbyte b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }
    static void U8(byte a, byte b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }
    static void S16(short a, short b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }
    static void U16(ushort a, ushort b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }
    static void S32(int a, int b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }
    static void U32(uint a, uint b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }
    static void S64(long a, long b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }
    static void U64(ulong a, ulong b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }
    static void SN(nint a, nint b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }
    static void UN(nuint a, nuint b) { Console.Write(a / b); Console.Write(' '); Console.Write(a % b); Console.Write(' '); }

    static int Main()
    {
        for (int a = -9; a <= 9; a += 3)
        {
            for (int b = -4; b <= 4; b++)
            {
                if (b == 0)
                {
                    continue;
                }
                Console.Write(a); Console.Write('/'); Console.Write(b); Console.Write(": ");
                S8((sbyte)a, (sbyte)b);
                S16((short)(a * 1000), (short)b);
                S32(a * 100000, b);
                S64(a * 10000000000L, b);
                SN(a * 1000, b);
                Console.WriteLine();
            }
        }

        U8(255, 7); U8(128, 3); U8(7, 255); Console.WriteLine();
        U16(65535, 7); U16(40000, 300); Console.WriteLine();
        U32(uint.MaxValue, 7); U32(3000000000u, 1000000u); U32(5, 3000000000u); Console.WriteLine();
        U64(ulong.MaxValue, 7); U64(ulong.MaxValue, 0x100000000ul); U64(0x8000000000000000ul, 0xFFFFFFFFFFul); Console.WriteLine();
        UN(4000000000u, 3); UN(17, 5); Console.WriteLine();
        S32(int.MinValue, 2); S32(int.MinValue, -2); S32(int.MinValue, int.MaxValue); S32(int.MaxValue, int.MinValue); Console.WriteLine();
        S64(long.MinValue, 2); S64(long.MinValue, -2); S64(long.MinValue, long.MaxValue); S64(long.MinValue, 3); Console.WriteLine();
        S8(-128, 2); S8(-128, 3); S16(-32768, 7); Console.WriteLine();
        S8(-128, -1); S16(-32768, -1); Console.WriteLine();
        return 0;
    }
}
