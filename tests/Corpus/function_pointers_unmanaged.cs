// Unmanaged function pointers (delegate* unmanaged<...>) to [UnmanagedCallersOnly] methods, as used for
// callbacks from C and for exported entry points: calls with integer, pointer and struct-free signatures.
using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static int s_calls;

    [UnmanagedCallersOnly]
    static int AddOne(int x)
    {
        s_calls++;
        return x + 1;
    }

    [UnmanagedCallersOnly]
    static long Combine(int a, long b, byte c) => a + b * 2 + c * 3;

    [UnmanagedCallersOnly]
    static void Store(int* target, int value) => *target = value;

    [UnmanagedCallersOnly]
    static nuint Length(byte* text)
    {
        nuint n = 0;
        while (text[n] != 0) n++;
        return n;
    }

    [UnmanagedCallersOnly]
    static double Scale(double x, float factor) => x * factor;

    static int Main()
    {
        delegate* unmanaged<int, int> add = &AddOne;
        Console.WriteLine(add(41));
        Console.WriteLine(add(add(0)));
        Console.WriteLine(s_calls);
        delegate* unmanaged<int, long, byte, long> combine = &Combine;
        Console.WriteLine(combine(1, 1L << 40, 255));
        int cell = 0;
        delegate* unmanaged<int*, int, void> store = &Store;
        store(&cell, -77);
        Console.WriteLine(cell);
        byte* text = stackalloc byte[] { (byte)'r', (byte)'v', (byte)'c', 0 };
        delegate* unmanaged<byte*, nuint> length = &Length;
        Console.WriteLine(length(text));
        delegate* unmanaged<double, float, double> scale = &Scale;
        Console.WriteLine((long)scale(1.5, 4.0f));
        return 0;
    }
}
