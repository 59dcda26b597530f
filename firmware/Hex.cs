namespace Firmware;

using System;

/// <summary>Prints numbers as the banner and the error messages show them: <c>0x</c>, lower-case hex, no padding.</summary>
internal static class Hex
{
    public static void Write(ulong value)
    {
        Console.Write("0x");
        int shift = 60;
        while (shift > 0 && (value >> shift) == 0)
        {
            shift -= 4;
        }

        for (; shift >= 0; shift -= 4)
        {
            int digit = (int)((value >> shift) & 0xF);
            Console.Write((char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
        }
    }
}
