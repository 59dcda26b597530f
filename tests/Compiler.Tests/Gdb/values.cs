// What gdb shows of a string, spans and a fixed buffer (GdbTests: it breaks at the line marked "break here" and
// prints each name).
using System;

unsafe struct Packet
{
    public fixed byte Data[4];
    public int Length;
}

static unsafe class Program
{
    static int Show(string text, ReadOnlySpan<char> chars, Span<int> numbers, ref Packet packet)
    {
        Console.WriteLine(text);
        Console.WriteLine(chars.Length + numbers.Length + packet.Length); // break here
        return numbers[0];
    }

    static int Main()
    {
        string greeting = "hello, gdb";
        Span<int> numbers = stackalloc int[3];
        numbers[0] = 7;
        numbers[1] = 8;
        numbers[2] = 9;
        Packet packet = default;
        packet.Data[0] = 1;
        packet.Data[1] = 2;
        packet.Length = 2;
        return Show(greeting, greeting.AsSpan(7, 3), numbers, ref packet) - 7;
    }
}
