// [StructLayout(Explicit)] with [FieldOffset]: arbitrary and overlapping offsets, size from the furthest field,
// nested explicit structs.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Explicit)]
struct Register
{
    [FieldOffset(0)] public uint Raw;
    [FieldOffset(0)] public byte Low;
    [FieldOffset(1)] public byte Mid;
    [FieldOffset(2)] public ushort High;
}

[StructLayout(LayoutKind.Explicit)]
struct Sparse
{
    [FieldOffset(3)] public byte A;
    [FieldOffset(8)] public long B;
    [FieldOffset(20)] public short C;
}

[StructLayout(LayoutKind.Explicit, Pack = 1)]
struct Unaligned
{
    [FieldOffset(1)] public int A;
    [FieldOffset(6)] public long B;
}

[StructLayout(LayoutKind.Explicit)]
struct Outer
{
    [FieldOffset(0)] public byte Tag;
    [FieldOffset(4)] public Register Reg;
    [FieldOffset(8)] public Sparse Body;
}

unsafe class Program
{
    static int Main()
    {
        Console.WriteLine(sizeof(Register));
        Console.WriteLine(sizeof(Sparse));
        Console.WriteLine(sizeof(Unaligned));
        Console.WriteLine(sizeof(Outer));

        Register r = default;
        r.Raw = 0xAABBCCDD;
        Console.WriteLine(r.Low);
        Console.WriteLine(r.Mid);
        Console.WriteLine(r.High);
        r.Mid = 0x11;
        Console.WriteLine(r.Raw);
        r.High = 0;
        Console.WriteLine(r.Raw);

        Sparse s = default;
        byte* b = (byte*)&s;
        Console.Write((byte*)&s.A - b); Console.Write(' ');
        Console.Write((byte*)&s.B - b); Console.Write(' ');
        Console.WriteLine((byte*)&s.C - b);

        Outer o = default;
        b = (byte*)&o;
        Console.Write((byte*)&o.Reg - b); Console.Write(' ');
        Console.Write((byte*)&o.Reg.High - b); Console.Write(' ');
        Console.Write((byte*)&o.Body.B - b); Console.Write(' ');
        Console.WriteLine((byte*)&o.Body.C - b);
        o.Reg.Raw = 0x01020304;
        o.Body.C = -1;
        o.Tag = 9;
        Outer copy = o;
        Console.WriteLine(copy.Reg.Low + copy.Reg.High + copy.Body.C + copy.Tag);

        Unaligned u = default;
        u.A = 0x12345678;
        u.B = 0x0102030405060708;
        byte* ub = (byte*)&u;
        for (int i = 0; i < sizeof(Unaligned); i++)
        {
            Console.Write(ub[i]); Console.Write(' ');
        }
        Console.WriteLine();
        Console.WriteLine(u.A);
        Console.WriteLine(u.B);
        return 0;
    }
}
