// Bit manipulation by hand: population count, leading/trailing zero counts, rotations, bit reversal,
// byte swapping, power-of-two tests and rounding, isolating and clearing the lowest set bit, Gray codes.
using System;

class Program
{
    static int PopCount(ulong v)
    {
        v -= (v >> 1) & 0x5555555555555555ul;
        v = (v & 0x3333333333333333ul) + ((v >> 2) & 0x3333333333333333ul);
        v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0Ful;
        return (int)((v * 0x0101010101010101ul) >> 56);
    }

    static int LeadingZeros(uint v)
    {
        if (v == 0) return 32;
        int n = 0;
        if ((v & 0xFFFF0000) == 0) { n += 16; v <<= 16; }
        if ((v & 0xFF000000) == 0) { n += 8; v <<= 8; }
        if ((v & 0xF0000000) == 0) { n += 4; v <<= 4; }
        if ((v & 0xC0000000) == 0) { n += 2; v <<= 2; }
        if ((v & 0x80000000) == 0) { n += 1; }
        return n;
    }

    static int TrailingZeros(ulong v)
    {
        if (v == 0) return 64;
        int n = 0;
        while ((v & 1) == 0) { v >>= 1; n++; }
        return n;
    }

    static uint RotateLeft(uint v, int k) => (v << k) | (v >> (32 - k));
    static ulong RotateRight(ulong v, int k) => (v >> k) | (v << (64 - k));

    static uint Reverse(uint v)
    {
        v = ((v >> 1) & 0x55555555) | ((v & 0x55555555) << 1);
        v = ((v >> 2) & 0x33333333) | ((v & 0x33333333) << 2);
        v = ((v >> 4) & 0x0F0F0F0F) | ((v & 0x0F0F0F0F) << 4);
        v = ((v >> 8) & 0x00FF00FF) | ((v & 0x00FF00FF) << 8);
        return (v >> 16) | (v << 16);
    }

    static ulong ByteSwap(ulong v)
    {
        ulong r = 0;
        for (int i = 0; i < 8; i++) { r = (r << 8) | (v & 0xFF); v >>= 8; }
        return r;
    }

    static bool IsPow2(ulong v) => v != 0 && (v & (v - 1)) == 0;

    static uint RoundUpPow2(uint v)
    {
        v--;
        v |= v >> 1; v |= v >> 2; v |= v >> 4; v |= v >> 8; v |= v >> 16;
        return v + 1;
    }

    static ulong AlignUp(ulong v, ulong align) => (v + align - 1) & ~(align - 1);

    static int Main()
    {
        Console.WriteLine(PopCount(0)); Console.WriteLine(PopCount(ulong.MaxValue)); Console.WriteLine(PopCount(0xF0F0_1234_0000_0001));
        Console.WriteLine(LeadingZeros(0)); Console.WriteLine(LeadingZeros(1)); Console.WriteLine(LeadingZeros(0x00F00000)); Console.WriteLine(LeadingZeros(0x80000000));
        Console.WriteLine(TrailingZeros(0)); Console.WriteLine(TrailingZeros(1UL << 63)); Console.WriteLine(TrailingZeros(0x50));
        Console.WriteLine(RotateLeft(0x80000001, 1)); Console.WriteLine(RotateLeft(0x12345678, 8)); Console.WriteLine(RotateRight(1, 1));
        Console.WriteLine(Reverse(1)); Console.WriteLine(Reverse(0xF0000000)); Console.WriteLine(Reverse(0x12345678));
        Console.WriteLine(ByteSwap(0x0102030405060708));
        Console.WriteLine(IsPow2(4096)); Console.WriteLine(IsPow2(4097)); Console.WriteLine(IsPow2(1UL << 63)); Console.WriteLine(IsPow2(0));
        Console.WriteLine(RoundUpPow2(1000)); Console.WriteLine(RoundUpPow2(1024)); Console.WriteLine(RoundUpPow2(0x40000001));
        Console.WriteLine(AlignUp(0x1001, 0x1000)); Console.WriteLine(AlignUp(0x1000, 0x1000)); Console.WriteLine(AlignUp(7, 8));
        ulong v = 0b1011_0100;
        Console.WriteLine(v & (~v + 1));
        Console.WriteLine(v & (v - 1));
        for (uint i = 0; i < 8; i++)
        {
            uint gray = i ^ (i >> 1);
            Console.Write(gray); Console.Write(' ');
        }
        Console.WriteLine();
        // extract and insert bit fields (as in a page-table entry)
        ulong pte = 0;
        ulong ppn = 0x8_0123;
        pte |= ppn << 10;
        pte |= 0b1111;
        Console.WriteLine((pte >> 10) & 0xFFF_FFFF_FFFF);
        Console.WriteLine(pte & 0x3FF);
        pte = (pte & ~(0x3FFul)) | 0b0001;
        Console.WriteLine(pte);
        return 0;
    }
}
