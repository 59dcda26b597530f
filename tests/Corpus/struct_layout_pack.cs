// [StructLayout(Sequential, Pack = 1/2/4)]: fields aligned to min(natural, Pack), size rounded to that.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential, Pack = 1)]
struct Packed1
{
    public byte A;
    public int B;
    public short C;
    public long D;
}

[StructLayout(LayoutKind.Sequential, Pack = 2)]
struct Packed2
{
    public byte A;
    public int B;
    public byte C;
    public long D;
    public byte E;
}

[StructLayout(LayoutKind.Sequential, Pack = 4)]
struct Packed4
{
    public byte A;
    public long B;
    public short C;
    public double D;
    public byte E;
}

[StructLayout(LayoutKind.Sequential, Pack = 1)]
struct Header
{
    public byte Kind;
    public ushort Length;
    public uint Checksum;
    public byte Flags;
}

[StructLayout(LayoutKind.Sequential, Pack = 8)]
struct Packed8
{
    public byte A;
    public long B;
}

unsafe class Program
{
    static int Main()
    {
        Packed1 p1 = default;
        byte* b = (byte*)&p1;
        Console.Write(sizeof(Packed1)); Console.Write(": ");
        Console.Write((byte*)&p1.B - b); Console.Write(' ');
        Console.Write((byte*)&p1.C - b); Console.Write(' ');
        Console.WriteLine((byte*)&p1.D - b);

        Packed2 p2 = default;
        b = (byte*)&p2;
        Console.Write(sizeof(Packed2)); Console.Write(": ");
        Console.Write((byte*)&p2.B - b); Console.Write(' ');
        Console.Write((byte*)&p2.C - b); Console.Write(' ');
        Console.Write((byte*)&p2.D - b); Console.Write(' ');
        Console.WriteLine((byte*)&p2.E - b);

        Packed4 p4 = default;
        b = (byte*)&p4;
        Console.Write(sizeof(Packed4)); Console.Write(": ");
        Console.Write((byte*)&p4.B - b); Console.Write(' ');
        Console.Write((byte*)&p4.C - b); Console.Write(' ');
        Console.Write((byte*)&p4.D - b); Console.Write(' ');
        Console.WriteLine((byte*)&p4.E - b);

        Packed8 p8 = default;
        b = (byte*)&p8;
        Console.Write(sizeof(Packed8)); Console.Write(": ");
        Console.WriteLine((byte*)&p8.B - b);

        // a wire-format header: write fields, read back the raw bytes
        Header h;
        h.Kind = 7;
        h.Length = 0x1234;
        h.Checksum = 0xDEADBEEF;
        h.Flags = 0x80;
        Console.WriteLine(sizeof(Header));
        byte* raw = (byte*)&h;
        for (int i = 0; i < sizeof(Header); i++)
        {
            Console.Write(raw[i]); Console.Write(' ');
        }
        Console.WriteLine();
        // misaligned field access through the packed struct
        Packed1 q;
        q.A = 1; q.B = -2; q.C = 3; q.D = -4000000000000;
        Packed1 copy = q;
        Console.WriteLine(copy.B + copy.C + copy.D + copy.A);
        raw = (byte*)&copy;
        raw[1] = 0xFF; raw[2] = 0xFF; raw[3] = 0xFF; raw[4] = 0x7F;
        Console.WriteLine(copy.B);
        return 0;
    }
}
