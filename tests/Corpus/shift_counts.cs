// Shifts by variable counts: C# masks the count (& 31 for 32-bit operands, & 63 for 64-bit), including
// counts >= the width and negative counts; small types are promoted to int first.
using System;

class Program
{
    static int Main()
    {
        int si = -123456789;
        uint ui = 0xF0F0_1234u;
        long sl = -0x0123_4567_89AB_CDEFL;
        ulong ul = 0xFEDC_BA98_7654_3210ul;
        for (int n = -3; n <= 70; n += 1)
        {
            if (n > 5 && n < 28 && n % 5 != 0)
            {
                continue;
            }
            Console.Write(n); Console.Write(": ");
            Console.Write(si << n); Console.Write(' ');
            Console.Write(si >> n); Console.Write(' ');
            Console.Write(si >>> n); Console.Write(' ');
            Console.Write(ui << n); Console.Write(' ');
            Console.Write(ui >> n); Console.Write(' ');
            Console.Write(sl << n); Console.Write(' ');
            Console.Write(sl >> n); Console.Write(' ');
            Console.Write(sl >>> n); Console.Write(' ');
            Console.Write(ul << n); Console.Write(' ');
            Console.WriteLine(ul >> n);
        }

        byte b = 0x81;
        sbyte sb = -127;
        ushort us = 0x8001;
        short ss = -32767;
        for (int n = 0; n < 40; n += 7)
        {
            Console.Write(n); Console.Write(": ");
            Console.Write(b << n); Console.Write(' ');
            Console.Write(b >> n); Console.Write(' ');
            Console.Write(sb << n); Console.Write(' ');
            Console.Write(sb >> n); Console.Write(' ');
            Console.Write(sb >>> n); Console.Write(' ');
            Console.Write(us << n); Console.Write(' ');
            Console.Write(ss >> n); Console.Write(' ');
            Console.Write((byte)(b << n)); Console.Write(' ');
            Console.WriteLine((short)(ss << n));
        }

        nint ni = -1000;
        nuint nu = 1000;
        for (int n = 0; n < 12; n += 3)
        {
            Console.Write(ni << n); Console.Write(' ');
            Console.Write(ni >> n); Console.Write(' ');
            Console.Write(nu << n); Console.Write(' ');
            Console.WriteLine(nu >> n);
        }

        int x = 1;
        x <<= 33;
        Console.WriteLine(x);
        long y = 1;
        y <<= 65;
        Console.WriteLine(y);
        uint rot = 0x80000001u;
        int k = 4;
        Console.WriteLine((rot << k) | (rot >> (32 - k)));
        Console.WriteLine((rot >> k) | (rot << -k));
        return 0;
    }
}
