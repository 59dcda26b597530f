// Unions through [FieldOffset(0)]: type punning between float/int, double/long/two ints and bytes
// (little-endian on every target).
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Explicit)]
struct FloatBits
{
    [FieldOffset(0)] public float F;
    [FieldOffset(0)] public int I;
    [FieldOffset(0)] public uint U;
}

[StructLayout(LayoutKind.Explicit)]
struct DoubleBits
{
    [FieldOffset(0)] public double D;
    [FieldOffset(0)] public long L;
    [FieldOffset(0)] public uint Lo;
    [FieldOffset(4)] public uint Hi;
    [FieldOffset(0)] public byte B0;
    [FieldOffset(7)] public byte B7;
}

[StructLayout(LayoutKind.Explicit)]
struct Word
{
    [FieldOffset(0)] public ulong Value;
    [FieldOffset(0)] public ushort W0;
    [FieldOffset(2)] public ushort W1;
    [FieldOffset(4)] public ushort W2;
    [FieldOffset(6)] public ushort W3;
}

unsafe class Program
{
    static int Main()
    {
        FloatBits fb = default;
        fb.F = 1.0f;
        Console.WriteLine(fb.I);
        fb.F = -2.5f;
        Console.WriteLine(fb.U);
        fb.I = 0x3F000000;
        Console.WriteLine((int)(fb.F * 100));
        fb.U = 0x7F800000;
        Console.WriteLine(fb.F > float.MaxValue);

        DoubleBits db = default;
        db.D = 1.0;
        Console.WriteLine(db.L);
        Console.WriteLine(db.Hi);
        Console.WriteLine(db.Lo);
        Console.WriteLine(db.B7);
        db.L = 0x400921FB54442D18;
        Console.WriteLine((long)(db.D * 1e15));
        db.Hi ^= 0x80000000;
        Console.WriteLine(db.D < 0);
        Console.WriteLine(db.B0);

        Word w = default;
        w.Value = 0x1122_3344_5566_7788;
        Console.WriteLine(w.W0); Console.WriteLine(w.W1); Console.WriteLine(w.W2); Console.WriteLine(w.W3);
        w.W2 = 0;
        Console.WriteLine(w.Value);
        Console.WriteLine(sizeof(FloatBits) + sizeof(DoubleBits) + sizeof(Word));

        // fast inverse square root, the classic union trick
        FloatBits x = default;
        x.F = 4.0f;
        float half = x.F * 0.5f;
        x.I = 0x5f3759df - (x.I >> 1);
        x.F = x.F * (1.5f - half * x.F * x.F);
        Console.WriteLine(x.I);
        return 0;
    }
}
