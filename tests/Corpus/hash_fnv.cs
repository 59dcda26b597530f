// FNV-1a (32- and 64-bit) and djb2 hashes over UTF-8 literals and over strings' UTF-16 code units,
// and a small open-addressing hash set in stack memory using them.
using System;

class Program
{
    static uint Fnv32(ReadOnlySpan<byte> data)
    {
        uint h = 2166136261;
        foreach (byte b in data) h = (h ^ b) * 16777619;
        return h;
    }

    static ulong Fnv64(ReadOnlySpan<byte> data)
    {
        ulong h = 14695981039346656037;
        foreach (byte b in data) h = (h ^ b) * 1099511628211;
        return h;
    }

    static uint Djb2(string s)
    {
        uint h = 5381;
        for (int i = 0; i < s.Length; i++) h = h * 33 + s[i];
        return h;
    }

    static bool Insert(Span<uint> table, uint key)
    {
        int mask = table.Length - 1;
        int slot = (int)(key & (uint)mask);
        while (table[slot] != 0)
        {
            if (table[slot] == key) return false;
            slot = (slot + 1) & mask;
        }
        table[slot] = key;
        return true;
    }

    static int Main()
    {
        Console.WriteLine(Fnv32(""u8));
        Console.WriteLine(Fnv32("a"u8));
        Console.WriteLine(Fnv32("foobar"u8));
        Console.WriteLine(Fnv64(""u8));
        Console.WriteLine(Fnv64("a"u8));
        Console.WriteLine(Fnv64("foobar"u8));
        Console.WriteLine(Djb2("hello"));
        Console.WriteLine(Djb2("héllo ✓"));
        Span<uint> table = stackalloc uint[64];
        int inserted = 0;
        for (int i = 0; i < 40; i++)
        {
            uint key = Djb2(i % 2 == 0 ? "even" : "odd") + (uint)(i / 4);
            if (Insert(table, key)) inserted++;
        }
        Console.WriteLine(inserted);
        uint mix = 0;
        for (int i = 0; i < table.Length; i++) mix = mix * 31 + table[i];
        Console.WriteLine(mix);
        return 0;
    }
}
