// System.Runtime.CompilerServices.Unsafe: As (reinterpret refs), Add and Subtract on refs and pointers,
// AsRef from pointers and in-refs, AsPointer, SizeOf, Read/Write, Copy, InitBlock, SkipInit.
using System;
using System.Runtime.CompilerServices;

struct Rgba
{
    public byte R, G, B, A;
}

struct Pair
{
    public int First;
    public long Second;
}

unsafe class Program
{
    static int Main()
    {
        int bits = 0x01020304;
        ref byte lowByte = ref Unsafe.As<int, byte>(ref bits);
        Console.WriteLine(lowByte);
        Console.WriteLine(Unsafe.Add(ref lowByte, 3));
        Unsafe.Add(ref lowByte, 1) = 0xFF;
        Console.WriteLine(bits);
        ref Rgba color = ref Unsafe.As<int, Rgba>(ref bits);
        Console.WriteLine(color.R + color.G + color.B + color.A);
        color.A = 0x80;
        Console.WriteLine((uint)bits);

        float f = 1.0f;
        Console.WriteLine(Unsafe.As<float, int>(ref f));
        Console.WriteLine(Unsafe.As<float, uint>(ref f) >> 23);

        Span<long> longs = stackalloc long[5];
        for (int i = 0; i < 5; i++) longs[i] = (i + 1) * 1000;
        ref long first = ref longs[0];
        Console.WriteLine(Unsafe.Add(ref first, 4));
        Console.WriteLine(Unsafe.Add(ref first, (nint)2));
        ref long third = ref Unsafe.Add(ref first, 2);
        Console.WriteLine(Unsafe.Subtract(ref third, 1));
        Console.WriteLine(Unsafe.AddByteOffset(ref first, (nint)8));
        Console.WriteLine(Unsafe.IsAddressLessThan(ref first, ref third));
        Console.WriteLine(Unsafe.IsAddressGreaterThan(ref first, ref third));

        long* lp = (long*)Unsafe.AsPointer(ref first);
        Console.WriteLine(lp[1]);
        ref long viaPointer = ref Unsafe.AsRef<long>(lp + 3);
        viaPointer = -4;
        Console.WriteLine(longs[3]);
        long* moved = (long*)Unsafe.Add<long>(lp, 4);
        Console.WriteLine(*moved);

        Console.WriteLine(Unsafe.SizeOf<Rgba>());
        Console.WriteLine(Unsafe.SizeOf<Pair>());
        Console.WriteLine(Unsafe.SizeOf<double>());

        byte* buffer = stackalloc byte[32];
        Unsafe.InitBlock(buffer, 0xAB, 32);
        Console.WriteLine(buffer[31]);
        Pair pair;
        pair.First = 7;
        pair.Second = -8;
        Unsafe.Write(buffer + 8, pair);
        Pair back = Unsafe.Read<Pair>(buffer + 8);
        Console.WriteLine(back.First + back.Second);
        Console.WriteLine(buffer[16]);
        Pair copied;
        Unsafe.SkipInit(out copied);
        Unsafe.Copy(ref copied, buffer + 8);
        Console.WriteLine(copied.Second);
        byte* other = stackalloc byte[8];
        Unsafe.CopyBlock(other, buffer + 16, 8);
        Console.WriteLine(*(long*)other);

        int readOnlySource = 99;
        ref int mutable = ref Unsafe.AsRef(in readOnlySource);
        mutable++;
        Console.WriteLine(readOnlySource);
        return 0;
    }
}
