// [StructLayout(Size = N)]: the size is at least N (never less than the fields need); empty structs are 1 byte.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential, Size = 16)]
struct Sized16
{
    public int A;
    public byte B;
}

[StructLayout(LayoutKind.Sequential, Size = 2)]
struct TooSmall
{
    public long A;
}

[StructLayout(LayoutKind.Sequential, Pack = 1, Size = 7)]
struct Odd7
{
    public short A;
}

[StructLayout(LayoutKind.Explicit, Size = 64)]
struct Page64
{
    [FieldOffset(0)] public uint First;
    [FieldOffset(60)] public uint Last;
}

struct Empty
{
}

struct HoldsSized
{
    public byte Tag;
    public Sized16 Body;
    public byte End;
}

struct HoldsOdd
{
    public byte Tag;
    public Odd7 Body;
    public byte End;
}

unsafe class Program
{
    static int Main()
    {
        Console.WriteLine(sizeof(Sized16));
        Console.WriteLine(sizeof(TooSmall));
        Console.WriteLine(sizeof(Odd7));
        Console.WriteLine(sizeof(Page64));
        Console.WriteLine(sizeof(Empty));
        Console.WriteLine(sizeof(HoldsSized));
        Console.WriteLine(sizeof(HoldsOdd));
        HoldsSized hs = default;
        Console.WriteLine((byte*)&hs.End - (byte*)&hs);
        HoldsOdd ho = default;
        Console.WriteLine((byte*)&ho.Body - (byte*)&ho);
        Console.WriteLine((byte*)&ho.End - (byte*)&ho);

        // the tail of a sized struct is zeroed by default and copied with the struct
        Page64 page = default;
        page.First = 1;
        page.Last = 0xFFFFFFFF;
        byte* raw = (byte*)&page;
        raw[30] = 42;
        Page64 copy = page;
        byte* craw = (byte*)&copy;
        int sum = 0;
        for (int i = 0; i < sizeof(Page64); i++) sum += craw[i];
        Console.WriteLine(sum);
        Console.WriteLine(copy.Last);
        Empty e1 = default, e2 = e1;
        Console.WriteLine(&e1 != &e2);
        return 0;
    }
}
