// System.Numerics.BitOperations, which kernels use for allocators and schedulers: PopCount, LeadingZeroCount,
// TrailingZeroCount, Log2, RotateLeft/RotateRight, IsPow2, RoundUpToPowerOf2.
using System;
using System.Numerics;

class Program
{
    static int Main()
    {
        Console.WriteLine(BitOperations.PopCount(0xF0F0_F0F0u));
        Console.WriteLine(BitOperations.PopCount(ulong.MaxValue));
        Console.WriteLine(BitOperations.LeadingZeroCount(1u));
        Console.WriteLine(BitOperations.LeadingZeroCount(0u));
        Console.WriteLine(BitOperations.LeadingZeroCount(1ul << 40));
        Console.WriteLine(BitOperations.TrailingZeroCount(0x100));
        Console.WriteLine(BitOperations.TrailingZeroCount(0ul));
        Console.WriteLine(BitOperations.Log2(4096u));
        Console.WriteLine(BitOperations.Log2(ulong.MaxValue));
        Console.WriteLine(BitOperations.RotateLeft(0x8000_0001u, 4));
        Console.WriteLine(BitOperations.RotateRight(0x1ul, 1));
        Console.WriteLine(BitOperations.IsPow2(64));
        Console.WriteLine(BitOperations.IsPow2(0));
        Console.WriteLine(BitOperations.RoundUpToPowerOf2(1000u));
        Console.WriteLine(BitOperations.RoundUpToPowerOf2(0x8000_0000_0000_0001ul));
        return 0;
    }
}
