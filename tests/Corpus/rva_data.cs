// Constant data in the image: ReadOnlySpan<T> properties over collection expressions and array initializers
// (bytes, ints, longs, chars, doubles), u8 string literals, and lookups in them.
using System;

class Program
{
    static ReadOnlySpan<byte> Primes => [2, 3, 5, 7, 11, 13, 17, 19, 23, 29];
    static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;
    static ReadOnlySpan<int> Powers => [1, 10, 100, 1000, 10000, 100000, 1000000, -1];
    static ReadOnlySpan<long> Bigs => [long.MinValue, -1, 0, 1, long.MaxValue, 0x0123456789ABCDEF];
    static ReadOnlySpan<ushort> Ports => [22, 80, 443, 8080, 65535];
    static ReadOnlySpan<char> Vowels => ['a', 'e', 'i', 'o', 'u'];
    static ReadOnlySpan<sbyte> Deltas => [-128, -1, 0, 1, 127];
    static ReadOnlySpan<uint> Crcs => [0x00000000u, 0x77073096u, 0xEE0E612Cu, 0x990951BAu];
    static ReadOnlySpan<double> Weights => [0.5, 0.25, 0.125];
    static ReadOnlySpan<bool> Flags => [true, false, true];

    static int Main()
    {
        int sum = 0;
        foreach (byte p in Primes) sum += p;
        Console.WriteLine(sum);
        Console.WriteLine(Primes.Length);
        uint value = 0xC0FFEE42;
        for (int shift = 28; shift >= 0; shift -= 4) Console.Write((char)Hex[(int)((value >> shift) & 0xF)]);
        Console.WriteLine();
        long total = 0;
        for (int i = 0; i < Powers.Length; i++) total += Powers[i];
        Console.WriteLine(total);
        foreach (long b in Bigs) { Console.Write(b); Console.Write(' '); }
        Console.WriteLine();
        foreach (ushort port in Ports) { Console.Write(port); Console.Write(' '); }
        Console.WriteLine();
        int vowels = 0;
        foreach (char c in "an rva data example")
        {
            foreach (char v in Vowels) if (c == v) vowels++;
        }
        Console.WriteLine(vowels);
        int deltaSum = 0;
        foreach (sbyte d in Deltas) deltaSum += d;
        Console.WriteLine(deltaSum);
        Console.WriteLine(Crcs[3]);
        double w = 0;
        foreach (double x in Weights) w += x;
        Console.WriteLine((int)(w * 1000));
        int flags = 0;
        foreach (bool f in Flags) flags = flags * 2 + (f ? 1 : 0);
        Console.WriteLine(flags);
        ReadOnlySpan<byte> message = "RVA\u00e9"u8;
        Console.WriteLine(message.Length);
        foreach (byte b in message) { Console.Write(b); Console.Write(' '); }
        Console.WriteLine();
        // the same data read twice is the same memory
        Console.WriteLine(Primes[4] == Primes[4]);
        return 0;
    }
}
