// Constants and literals: hex, binary, digit separators, suffixes, char escapes, constant folding across types.
using System;

class Program
{
    const int Answer = 42;
    const long Big = 0x7FFF_FFFF_FFFF_FFFF;
    const uint Mask = 0b1111_0000_1010_0101u;
    const ulong AllOnes = ~0UL;
    const byte SmallMax = byte.MaxValue;
    const short Negative = -0x1234;
    const char Letter = '\x41';
    const char Unicode = '\u00e9';
    const bool Flag = Answer > 40 && Mask != 0;
    const int Folded = Answer * 1000 + (Answer << 3) - (Answer >> 1) + Answer % 5;
    const long Mixed = Answer * 0x1_0000_0000L;
    const string Greeting = "const " + "folded";
    const double Half = 1.0 / 2;
    const float Third = 1f / 3f;
    const sbyte MinSbyte = sbyte.MinValue;
    const ushort MaxUshort = ushort.MaxValue;
    const nint NativeConst = 123;

    static int Main()
    {
        Console.WriteLine(Answer);
        Console.WriteLine(Big);
        Console.WriteLine(Mask);
        Console.WriteLine(AllOnes);
        Console.WriteLine(SmallMax);
        Console.WriteLine(Negative);
        Console.WriteLine(Letter);
        Console.WriteLine((int)Unicode);
        Console.WriteLine(Flag);
        Console.WriteLine(Folded);
        Console.WriteLine(Mixed);
        Console.WriteLine(Greeting);
        Console.WriteLine(BitConverter.DoubleToInt64Bits(Half));
        Console.WriteLine(BitConverter.SingleToInt32Bits(Third));
        Console.WriteLine(MinSbyte);
        Console.WriteLine(MaxUshort);
        Console.WriteLine(NativeConst);
        Console.WriteLine(0x10 + 010 + 0b10);
        Console.WriteLine(1_000_000 * 3);
        Console.WriteLine(123L * 1_000_000_000);
        Console.WriteLine(4_000_000_000U);
        Console.WriteLine(18_446_744_073_709_551_615UL);
        Console.WriteLine(unchecked((int)0xFFFF_FFFF));
        Console.WriteLine(unchecked((byte)0x1FF));
        Console.WriteLine((int)'\0' + (int)'\a' + (int)'\b' + (int)'\f' + (int)'\n' + (int)'\r' + (int)'\t' + (int)'\v');
        Console.WriteLine((int)'\'' + (int)'\"' + (int)'\\');
        Console.WriteLine(int.MaxValue + 0L + 1);
        Console.WriteLine(unchecked(-int.MinValue) == int.MinValue);
        Console.WriteLine(sizeof(long) + sizeof(char) + sizeof(bool) + sizeof(double));
        return 0;
    }
}
