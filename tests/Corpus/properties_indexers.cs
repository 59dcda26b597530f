// Properties and indexers on structs and static classes: auto-properties, computed properties, init-only
// setters, readonly members, static properties with backing fields, and indexers with several parameters.
using System;

struct Temperature
{
    public int Millidegrees { get; set; }
    public int Degrees
    {
        readonly get => Millidegrees / 1000;
        set => Millidegrees = value * 1000;
    }
    public readonly bool Freezing => Millidegrees <= 0;
}

struct Config
{
    public int Id { get; init; }
    public string Name { get; init; }
}

unsafe struct Matrix3
{
    private fixed int _cells[9];

    public int this[int row, int col]
    {
        readonly get => _cells[row * 3 + col];
        set => _cells[row * 3 + col] = value;
    }

    public int Trace => this[0, 0] + this[1, 1] + this[2, 2];
}

unsafe struct BitSet64
{
    private ulong _bits;
    public bool this[int index]
    {
        readonly get => (_bits & (1ul << index)) != 0;
        set
        {
            if (value) _bits |= 1ul << index;
            else _bits &= ~(1ul << index);
        }
    }
    public readonly ulong Raw => _bits;
}

static class Clock
{
    private static long s_ticks;
    public static long Ticks
    {
        get => s_ticks;
        set => s_ticks = value < 0 ? 0 : value;
    }
    public static long Seconds => s_ticks / 10_000_000;
}

class Program
{
    static int Main()
    {
        Temperature t = default;
        t.Degrees = 21;
        Console.WriteLine(t.Millidegrees);
        t.Millidegrees -= 21500;
        Console.WriteLine(t.Degrees);
        Console.WriteLine(t.Freezing);
        var cfg = new Config { Id = 7, Name = "seven" };
        Console.WriteLine(cfg.Id);
        Console.WriteLine(cfg.Name);
        Config other = cfg with { Id = 8 };
        Console.WriteLine(other.Id + cfg.Id);
        Matrix3 m = default;
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                m[r, c] = r * 3 + c;
        Console.WriteLine(m.Trace);
        m[1, 1] += 100;
        Console.WriteLine(m[1, 1]);
        BitSet64 bits = default;
        bits[0] = true;
        bits[63] = true;
        bits[5] = true;
        bits[5] = false;
        Console.WriteLine(bits.Raw);
        Console.WriteLine(bits[63]);
        Console.WriteLine(bits[5]);
        Clock.Ticks = -5;
        Console.WriteLine(Clock.Ticks);
        Clock.Ticks = 123_456_789_012;
        Console.WriteLine(Clock.Seconds);
        Clock.Ticks += 10_000_000;
        Console.WriteLine(Clock.Seconds);
        return 0;
    }
}
