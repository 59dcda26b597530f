// 8- and 16-bit integers: promotion to int, truncation on assignment, compound assignment wrap-around.
using System;

class Program
{
    static sbyte OpaqueS8(sbyte x) => x;
    static byte OpaqueU8(byte x) => x;
    static short OpaqueS16(short x) => x;
    static ushort OpaqueU16(ushort x) => x;

    static int Main()
    {
        sbyte sb = OpaqueS8(100);
        sb += 100;
        Console.WriteLine(sb);
        sb = OpaqueS8(-128);
        sb--;
        Console.WriteLine(sb);
        sb = OpaqueS8(-128);
        Console.WriteLine(-sb);
        Console.WriteLine((sbyte)(-sb));
        Console.WriteLine(sb / OpaqueS8(-1));
        Console.WriteLine(sb * sb);

        byte b = OpaqueU8(200);
        b += 100;
        Console.WriteLine(b);
        b = OpaqueU8(0);
        b--;
        Console.WriteLine(b);
        Console.WriteLine(~b);
        Console.WriteLine((byte)~b);
        Console.WriteLine(OpaqueU8(250) + OpaqueU8(10));
        Console.WriteLine((byte)(OpaqueU8(250) + OpaqueU8(10)));
        Console.WriteLine(OpaqueU8(3) - OpaqueU8(10));

        short s = OpaqueS16(32000);
        s += 1000;
        Console.WriteLine(s);
        s = OpaqueS16(-32768);
        Console.WriteLine(s / OpaqueS16(-1));
        Console.WriteLine((short)(s / OpaqueS16(-1)));
        Console.WriteLine(s % OpaqueS16(7));
        Console.WriteLine(OpaqueS16(-7) % OpaqueS16(3));
        Console.WriteLine(OpaqueS16(300) * OpaqueS16(300));
        Console.WriteLine((short)(OpaqueS16(300) * OpaqueS16(300)));

        ushort us = OpaqueU16(65535);
        us++;
        Console.WriteLine(us);
        us = OpaqueU16(60000);
        us *= 3;
        Console.WriteLine(us);
        Console.WriteLine(OpaqueU16(60000) * OpaqueU16(60000));
        Console.WriteLine((uint)(OpaqueU16(60000) * OpaqueU16(60000)));
        Console.WriteLine(OpaqueU16(5) / OpaqueU16(2));

        char c = 'A';
        c += (char)2;
        Console.WriteLine(c);
        c++;
        Console.WriteLine(c);
        Console.WriteLine(c + 1);
        Console.WriteLine((char)(c + 1));
        char z = '\uffff';
        z++;
        Console.WriteLine((int)z);

        int sum = 0;
        for (byte i = 250; i != 4; i++)
        {
            sum += i;
        }
        Console.WriteLine(sum);
        return 0;
    }
}
