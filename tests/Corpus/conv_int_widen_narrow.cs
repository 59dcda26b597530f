// Integer conversions: implicit widening (sign and zero extension) and explicit narrowing (truncation).
using System;

class Program
{
    static long OpaqueL(long x) => x;
    static ulong OpaqueU(ulong x) => x;
    static int OpaqueI(int x) => x;

    static int Main()
    {
        sbyte sb = (sbyte)OpaqueI(-100);
        byte b = (byte)OpaqueI(200);
        short s = (short)OpaqueI(-30000);
        ushort us = (ushort)OpaqueI(60000);
        char c = (char)OpaqueI(0xFFFE);
        int i = OpaqueI(-2000000000);
        uint ui = (uint)OpaqueI(-1294967296);

        // widening
        int fromSb = sb; long lfromSb = sb; ulong ufromSb = (ulong)sb;
        Console.WriteLine(fromSb); Console.WriteLine(lfromSb); Console.WriteLine(ufromSb);
        int fromB = b; long lfromB = b; short sfromB = b;
        Console.WriteLine(fromB); Console.WriteLine(lfromB); Console.WriteLine(sfromB);
        int fromS = s; long lfromS = s; uint ufromS = (uint)s;
        Console.WriteLine(fromS); Console.WriteLine(lfromS); Console.WriteLine(ufromS);
        int fromUs = us; ulong ulfromUs = us;
        Console.WriteLine(fromUs); Console.WriteLine(ulfromUs);
        int fromC = c; long lfromC = c;
        Console.WriteLine(fromC); Console.WriteLine(lfromC);
        long lfromI = i; ulong ulfromI = (ulong)i;
        Console.WriteLine(lfromI); Console.WriteLine(ulfromI);
        long lfromUi = ui; ulong ulfromUi = ui;
        Console.WriteLine(lfromUi); Console.WriteLine(ulfromUi);
        Console.WriteLine((long)(uint)i);
        Console.WriteLine((ulong)(uint)i);
        Console.WriteLine((long)(int)ui);

        // narrowing
        long big = OpaqueL(0x1234_5678_9ABC_DEF0);
        Console.WriteLine((int)big); Console.WriteLine((uint)big); Console.WriteLine((short)big);
        Console.WriteLine((ushort)big); Console.WriteLine((sbyte)big); Console.WriteLine((byte)big);
        Console.WriteLine((int)(char)big);
        long neg = OpaqueL(-0x1234_5678_9ABC_DEF0);
        Console.WriteLine((int)neg); Console.WriteLine((uint)neg); Console.WriteLine((short)neg);
        Console.WriteLine((ushort)neg); Console.WriteLine((sbyte)neg); Console.WriteLine((byte)neg);
        ulong huge = OpaqueU(ulong.MaxValue - 5);
        Console.WriteLine((long)huge); Console.WriteLine((int)huge); Console.WriteLine((uint)huge);
        Console.WriteLine((sbyte)OpaqueI(128)); Console.WriteLine((sbyte)OpaqueI(255)); Console.WriteLine((byte)OpaqueI(-1));
        Console.WriteLine((short)OpaqueI(32768)); Console.WriteLine((ushort)OpaqueI(-1)); Console.WriteLine((char)OpaqueI(0x10041));
        Console.WriteLine((sbyte)(byte)OpaqueI(0x80)); Console.WriteLine((byte)(sbyte)OpaqueI(-128));
        Console.WriteLine((short)(ushort)OpaqueI(0x8000)); Console.WriteLine((int)(uint)OpaqueL(0xFFFF_FFFF));
        Console.WriteLine((nint)(int)OpaqueI(-7)); Console.WriteLine((int)(nint)OpaqueI(-7));
        Console.WriteLine((nuint)(uint)OpaqueI(-7)); Console.WriteLine((uint)(nuint)(uint)OpaqueI(-7));

        // chains through every width
        int seed = OpaqueI(-1234567);
        Console.WriteLine((long)(short)(sbyte)seed);
        Console.WriteLine((ulong)(ushort)(byte)seed);
        Console.WriteLine((int)(sbyte)(short)seed);
        Console.WriteLine((uint)(char)(short)seed);
        return 0;
    }
}
