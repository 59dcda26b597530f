// System.Runtime.InteropServices.MemoryMarshal: GetReference, CreateSpan, CreateReadOnlySpan, Cast, AsBytes,
// Read and Write of structs from byte spans.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

struct Header
{
    public ushort Magic;
    public ushort Version;
    public uint Length;
}

class Program
{
    static int Main()
    {
        Span<uint> words = stackalloc uint[4];
        words[0] = 0x04030201; words[1] = 0x08070605; words[2] = 0xFFFFFFFF; words[3] = 0;
        Span<byte> bytes = MemoryMarshal.AsBytes(words);
        Console.WriteLine(bytes.Length);
        Console.WriteLine(bytes[0] + bytes[5] + bytes[8]);
        Span<ushort> halves = MemoryMarshal.Cast<uint, ushort>(words);
        Console.WriteLine(halves.Length);
        Console.WriteLine(halves[1]);
        halves[7] = 0xABCD;
        Console.WriteLine(words[3]);

        ref uint first = ref MemoryMarshal.GetReference(words);
        first = 99;
        Console.WriteLine(words[0]);
        Span<uint> viaRef = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref first, 1), 2);
        Console.WriteLine(viaRef[1]);
        ReadOnlySpan<uint> ro = MemoryMarshal.CreateReadOnlySpan(ref first, 4);
        Console.WriteLine(ro[3]);

        Span<byte> packet = stackalloc byte[16];
        Header h;
        h.Magic = 0x7F45;
        h.Version = 3;
        h.Length = 1234567;
        MemoryMarshal.Write(packet, in h);
        Console.WriteLine(packet[0]);
        Console.WriteLine(packet[1]);
        Header back = MemoryMarshal.Read<Header>(packet);
        Console.WriteLine(back.Magic + back.Version + back.Length);
        Console.WriteLine(MemoryMarshal.Read<uint>(packet.Slice(4)));
        int value = 0x11223344;
        Span<int> single = MemoryMarshal.CreateSpan(ref value, 1);
        Console.WriteLine(MemoryMarshal.AsBytes(single)[3]);
        return 0;
    }
}
