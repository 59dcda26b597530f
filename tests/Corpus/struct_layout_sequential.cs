// Sequential layout: natural alignment of each field, padding between fields and at the end,
// nested structs; offsets measured with pointers. No pointer-sized fields, so every target agrees.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
struct Mixed
{
    public byte A;
    public int B;
    public short C;
    public long D;
    public byte E;
}

struct Implicit
{
    public short X;
    public byte Y;
    public double Z;
    public char W;
}

struct Bytes3
{
    public byte A, B, C;
}

struct Nested
{
    public byte Tag;
    public Bytes3 Three;
    public Mixed Inner;
    public ushort Tail;
}

#pragma warning disable CS0649 // never assigned on purpose: its default value is what is printed
struct OnlyDouble
{
    public double D;
}

struct BoolAndChar
{
    public bool Flag;
    public char Letter;
    public bool Other;
}

unsafe class Program
{
    static int Main()
    {
        Console.WriteLine(sizeof(Mixed));
        Mixed m = default;
        byte* b = (byte*)&m;
        Console.Write((byte*)&m.A - b); Console.Write(' ');
        Console.Write((byte*)&m.B - b); Console.Write(' ');
        Console.Write((byte*)&m.C - b); Console.Write(' ');
        Console.Write((byte*)&m.D - b); Console.Write(' ');
        Console.WriteLine((byte*)&m.E - b);

        Console.WriteLine(sizeof(Implicit));
        Implicit i = default;
        b = (byte*)&i;
        Console.Write((byte*)&i.X - b); Console.Write(' ');
        Console.Write((byte*)&i.Y - b); Console.Write(' ');
        Console.Write((byte*)&i.Z - b); Console.Write(' ');
        Console.WriteLine((byte*)&i.W - b);

        Console.WriteLine(sizeof(Bytes3));
        Console.WriteLine(sizeof(Nested));
        Nested n = default;
        b = (byte*)&n;
        Console.Write((byte*)&n.Tag - b); Console.Write(' ');
        Console.Write((byte*)&n.Three - b); Console.Write(' ');
        Console.Write((byte*)&n.Three.C - b); Console.Write(' ');
        Console.Write((byte*)&n.Inner - b); Console.Write(' ');
        Console.Write((byte*)&n.Inner.D - b); Console.Write(' ');
        Console.WriteLine((byte*)&n.Tail - b);

        Console.WriteLine(sizeof(OnlyDouble));
        Console.WriteLine(sizeof(BoolAndChar));
        BoolAndChar bc = default;
        b = (byte*)&bc;
        Console.Write((byte*)&bc.Flag - b); Console.Write(' ');
        Console.Write((byte*)&bc.Letter - b); Console.Write(' ');
        Console.WriteLine((byte*)&bc.Other - b);

        // the bytes of a struct, little-endian on every target
        m.A = 0x11; m.B = 0x22334455; m.C = 0x6677; m.D = 0x0102030405060708; m.E = 0x99;
        byte* p = (byte*)&m;
        int sum = 0;
        for (int k = 0; k < sizeof(Mixed); k++)
        {
            if (k == 1 || k == 2 || k == 3 || (k >= 10 && k < 16) || k > 24) continue; // padding
            Console.Write(p[k]); Console.Write(' ');
            sum += p[k];
        }
        Console.WriteLine();
        Console.WriteLine(sum);
        return 0;
    }
}
