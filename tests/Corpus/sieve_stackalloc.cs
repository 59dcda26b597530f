// Sieve of Eratosthenes on a stackalloc'ed bit array and on a byte array; prime counting and a checksum.
using System;

class Program
{
    static int SieveBytes(Span<byte> composite)
    {
        int n = composite.Length;
        composite.Clear();
        int count = 0;
        for (int i = 2; i < n; i++)
        {
            if (composite[i] != 0) continue;
            count++;
            for (long j = (long)i * i; j < n; j += i) composite[(int)j] = 1;
        }
        return count;
    }

    static unsafe int SieveBits(uint* bits, int n)
    {
        int words = (n + 31) / 32;
        for (int w = 0; w < words; w++) bits[w] = 0;
        int count = 0;
        for (int i = 2; i < n; i++)
        {
            if ((bits[i >> 5] & (1u << (i & 31))) != 0) continue;
            count++;
            for (int j = i * 2; j < n; j += i) bits[j >> 5] |= 1u << (j & 31);
        }
        return count;
    }

    static unsafe int Main()
    {
        Span<byte> composite = stackalloc byte[10000];
        Console.WriteLine(SieveBytes(composite));
        long checksum = 0;
        for (int i = 2; i < composite.Length; i++) if (composite[i] == 0) checksum = checksum * 31 + i & 0xFFFFFFFFFF;
        Console.WriteLine(checksum);
        Console.WriteLine(SieveBytes(composite.Slice(0, 100)));
        uint* bits = stackalloc uint[(32768 + 31) / 32];
        Console.WriteLine(SieveBits(bits, 32768));
        int last = 0;
        for (int i = 32767; i > 0; i--)
        {
            if ((bits[i >> 5] & (1u << (i & 31))) == 0) { last = i; break; }
        }
        Console.WriteLine(last);
        int twin = 0;
        for (int i = 3; i + 2 < 32768; i += 2)
        {
            bool a = (bits[i >> 5] & (1u << (i & 31))) == 0;
            bool b = (bits[(i + 2) >> 5] & (1u << ((i + 2) & 31))) == 0;
            if (a && b) twin++;
        }
        Console.WriteLine(twin);
        return 0;
    }
}
