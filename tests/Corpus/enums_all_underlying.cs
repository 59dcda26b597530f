// Enums over every integral underlying type: sizes, values, casts both ways, arithmetic, comparisons,
// out-of-range values, and enums in struct fields.
using System;

enum ByteEnum : byte { Zero, One, Max = 255 }
enum SByteEnum : sbyte { Min = -128, MinusOne = -1, Max = 127 }
enum ShortEnum : short { Neg = -30000, Pos = 30000 }
enum UShortEnum : ushort { A = 1, B = 65535 }
enum IntEnum { Red, Green = 10, Blue, Black = -1 }
enum UIntEnum : uint { Top = 0xFFFF_FFFF, Low = 1 }
enum LongEnum : long { Huge = long.MaxValue, Tiny = long.MinValue, Medium = 1L << 40 }
enum ULongEnum : ulong { Top = ulong.MaxValue, Bit63 = 1UL << 63 }
enum CharLike : ushort { Letter = 'A' }

struct Tagged
{
    public ByteEnum Kind;
    public LongEnum Value;
    public SByteEnum Sign;
}

unsafe class Program
{
    static IntEnum Next(IntEnum e) => e + 1;

    static int Main()
    {
        Console.WriteLine(sizeof(ByteEnum));
        Console.WriteLine(sizeof(SByteEnum));
        Console.WriteLine(sizeof(ShortEnum));
        Console.WriteLine(sizeof(UShortEnum));
        Console.WriteLine(sizeof(IntEnum));
        Console.WriteLine(sizeof(UIntEnum));
        Console.WriteLine(sizeof(LongEnum));
        Console.WriteLine(sizeof(ULongEnum));
        Console.WriteLine(sizeof(Tagged));

        Console.WriteLine((int)ByteEnum.Max);
        Console.WriteLine((int)SByteEnum.Min);
        Console.WriteLine((short)ShortEnum.Neg);
        Console.WriteLine((ushort)UShortEnum.B);
        Console.WriteLine((int)IntEnum.Blue);
        Console.WriteLine((uint)UIntEnum.Top);
        Console.WriteLine((long)LongEnum.Tiny);
        Console.WriteLine((ulong)ULongEnum.Bit63);
        Console.WriteLine((char)CharLike.Letter);

        ByteEnum b = ByteEnum.Max;
        b++;
        Console.WriteLine((int)b);
        SByteEnum s = SByteEnum.Max;
        s++;
        Console.WriteLine((int)s);
        IntEnum color = (IntEnum)12345;
        Console.WriteLine((int)color);
        Console.WriteLine((int)Next(IntEnum.Green));
        Console.WriteLine(IntEnum.Black < IntEnum.Red);
        Console.WriteLine(UIntEnum.Top > UIntEnum.Low);
        Console.WriteLine(ULongEnum.Bit63 < ULongEnum.Top);
        Console.WriteLine(IntEnum.Blue - IntEnum.Green);
        Console.WriteLine(color == (IntEnum)12345);

        Tagged t = default;
        t.Kind = ByteEnum.One;
        t.Value = LongEnum.Medium;
        t.Sign = SByteEnum.MinusOne;
        Tagged copy = t;
        Console.WriteLine((long)copy.Value + (int)copy.Kind + (int)copy.Sign);
        long raw = (long)t.Value;
        LongEnum back = (LongEnum)(raw * 2);
        Console.WriteLine((long)back);
        return 0;
    }
}
