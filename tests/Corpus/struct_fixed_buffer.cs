// Fixed-size buffers in unsafe structs: sizes, element offsets, indexing through pointers, copies.
using System;

unsafe struct Packet
{
    public int Length;
    public fixed byte Data[16];
    public ushort Port;
}

unsafe struct Registers
{
    public fixed uint X[8];
    public fixed long Wide[3];
    public fixed char Name[5];
}

unsafe class Program
{
    static Packet s_packet;

    static int Main()
    {
        Console.WriteLine(sizeof(Packet));
        Console.WriteLine(sizeof(Registers));
        Packet p = default;
        Console.WriteLine(p.Data - (byte*)&p);
        Console.WriteLine((byte*)&p.Port - (byte*)&p);
        for (int i = 0; i < 16; i++)
        {
            p.Data[i] = (byte)(i * 17);
        }
        p.Length = 16;
        p.Port = 8080;
        Packet copy = p;
        copy.Data[0] = 255;
        Console.WriteLine(p.Data[0]);
        Console.WriteLine(copy.Data[0]);
        int sum = 0;
        for (int i = 0; i < copy.Length; i++) sum += copy.Data[i];
        Console.WriteLine(sum);
        Console.WriteLine(copy.Port);

        Registers r = default;
        Console.WriteLine((byte*)r.Wide - (byte*)&r);
        Console.WriteLine((byte*)r.Name - (byte*)&r);
        for (int i = 0; i < 8; i++) r.X[i] = 1u << (i * 4);
        r.Wide[2] = -1;
        r.Name[0] = 'r'; r.Name[1] = 'v'; r.Name[2] = 'c';
        uint acc = 0;
        for (int i = 0; i < 8; i++) acc |= r.X[i];
        Console.WriteLine(acc);
        Console.WriteLine(r.Wide[2] + r.Wide[0]);
        for (int i = 0; i < 3; i++) Console.Write(r.Name[i]);
        Console.WriteLine();
        uint* px = r.X;
        px[7] = 5;
        Console.WriteLine(r.X[7]);
        s_packet = p;
        fixed (byte* d = s_packet.Data)
        {
            d[14] = 7;
            Console.WriteLine(d[15]);
        }
        Console.WriteLine(s_packet.Data[14]);
        return 0;
    }
}
