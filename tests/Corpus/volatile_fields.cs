// volatile fields, Volatile.Read/Write on every primitive type, and Interlocked.MemoryBarrier.
using System;
using System.Threading;

class Device
{
    public static volatile int Status;
    public static volatile bool Ready;
    public static volatile uint Doorbell;
    public static volatile byte Small;
}

struct Mailbox
{
    public volatile int Head;
    public int Tail;
}

unsafe class Program
{
    static long s_counter;
    static double s_temperature;
    static Mailbox s_box;

    static int Main()
    {
        Device.Status = 5;
        Device.Ready = true;
        Device.Doorbell = 0xCAFEBABE;
        Device.Small = 200;
        Interlocked.MemoryBarrier();
        Console.WriteLine(Device.Status);
        Console.WriteLine(Device.Ready);
        Console.WriteLine(Device.Doorbell);
        Console.WriteLine(Device.Small);

        for (int i = 0; i < 10; i++)
        {
            Volatile.Write(ref s_counter, Volatile.Read(ref s_counter) + i);
        }
        Console.WriteLine(Volatile.Read(ref s_counter));
        Volatile.Write(ref s_temperature, 36.6);
        Console.WriteLine((int)(Volatile.Read(ref s_temperature) * 10));

        int i32 = 0; uint u32 = 0; short i16 = 0; ushort u16 = 0; sbyte i8 = 0; byte u8 = 0;
        ulong u64 = 0; float f32 = 0; bool flag = false; nint ni = 0; nuint nu = 0;
        Volatile.Write(ref i32, -1); Volatile.Write(ref u32, 4000000000u); Volatile.Write(ref i16, (short)-2);
        Volatile.Write(ref u16, (ushort)65000); Volatile.Write(ref i8, (sbyte)-3); Volatile.Write(ref u8, (byte)250);
        Volatile.Write(ref u64, ulong.MaxValue); Volatile.Write(ref f32, 2.5f); Volatile.Write(ref flag, true);
        Volatile.Write(ref ni, (nint)(-4)); Volatile.Write(ref nu, (nuint)4u);
        Console.WriteLine(Volatile.Read(ref i32)); Console.WriteLine(Volatile.Read(ref u32)); Console.WriteLine(Volatile.Read(ref i16));
        Console.WriteLine(Volatile.Read(ref u16)); Console.WriteLine(Volatile.Read(ref i8)); Console.WriteLine(Volatile.Read(ref u8));
        Console.WriteLine(Volatile.Read(ref u64)); Console.WriteLine((int)(Volatile.Read(ref f32) * 2)); Console.WriteLine(Volatile.Read(ref flag));
        Console.WriteLine(Volatile.Read(ref ni)); Console.WriteLine(Volatile.Read(ref nu));

        // a spin-wait on a flag that is already set terminates immediately
        int spins = 0;
        Device.Ready = false;
        Device.Ready = true;
        while (!Device.Ready) spins++;
        Console.WriteLine(spins);

        s_box.Head = 3;
        s_box.Tail = 1;
        Interlocked.MemoryBarrier();
        Console.WriteLine(s_box.Head - s_box.Tail);

        // volatile access through pointers to memory (as for MMIO)
        uint* reg = stackalloc uint[2];
        Volatile.Write(ref *reg, 0x1234u);
        Volatile.Write(ref reg[1], Volatile.Read(ref *reg) << 4);
        Console.WriteLine(Volatile.Read(ref reg[1]));
        return 0;
    }
}
