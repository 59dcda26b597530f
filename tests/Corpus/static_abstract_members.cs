// Static abstract interface members: a numeric abstraction with static abstract properties and operators,
// used by generic algorithms over int, long, a fixed-point struct and a modular-arithmetic struct.
using System;

interface INumber<TSelf> where TSelf : INumber<TSelf>
{
    static abstract TSelf Zero { get; }
    static abstract TSelf One { get; }
    static abstract TSelf operator +(TSelf a, TSelf b);
    static abstract TSelf operator *(TSelf a, TSelf b);
    static abstract bool operator <(TSelf a, TSelf b);
    static abstract bool operator >(TSelf a, TSelf b);
    static abstract long ToLong(TSelf value);
}

struct Int32Number : INumber<Int32Number>
{
    public int V;
    public Int32Number(int v) => V = v;
    public static Int32Number Zero => new Int32Number(0);
    public static Int32Number One => new Int32Number(1);
    public static Int32Number operator +(Int32Number a, Int32Number b) => new Int32Number(a.V + b.V);
    public static Int32Number operator *(Int32Number a, Int32Number b) => new Int32Number(a.V * b.V);
    public static bool operator <(Int32Number a, Int32Number b) => a.V < b.V;
    public static bool operator >(Int32Number a, Int32Number b) => a.V > b.V;
    public static long ToLong(Int32Number value) => value.V;
}

struct Fixed16 : INumber<Fixed16>
{
    public int Raw; // 16.16 fixed point
    public static Fixed16 FromInt(int v) => new Fixed16 { Raw = v << 16 };
    public static Fixed16 Zero => default;
    public static Fixed16 One => FromInt(1);
    public static Fixed16 operator +(Fixed16 a, Fixed16 b) => new Fixed16 { Raw = a.Raw + b.Raw };
    public static Fixed16 operator *(Fixed16 a, Fixed16 b) => new Fixed16 { Raw = (int)(((long)a.Raw * b.Raw) >> 16) };
    public static bool operator <(Fixed16 a, Fixed16 b) => a.Raw < b.Raw;
    public static bool operator >(Fixed16 a, Fixed16 b) => a.Raw > b.Raw;
    public static long ToLong(Fixed16 value) => value.Raw;
}

struct Mod7 : INumber<Mod7>
{
    public byte V;
    public static Mod7 Of(int v) => new Mod7 { V = (byte)(((v % 7) + 7) % 7) };
    public static Mod7 Zero => default;
    public static Mod7 One => Of(1);
    public static Mod7 operator +(Mod7 a, Mod7 b) => Of(a.V + b.V);
    public static Mod7 operator *(Mod7 a, Mod7 b) => Of(a.V * b.V);
    public static bool operator <(Mod7 a, Mod7 b) => a.V < b.V;
    public static bool operator >(Mod7 a, Mod7 b) => a.V > b.V;
    public static long ToLong(Mod7 value) => value.V;
}

class Program
{
    static T Sum<T>(ReadOnlySpan<T> values) where T : INumber<T>
    {
        T acc = T.Zero;
        foreach (T v in values) acc += v;
        return acc;
    }

    static T Power<T>(T x, int n) where T : INumber<T>
    {
        T result = T.One;
        for (int i = 0; i < n; i++) result = result * x;
        return result;
    }

    static T MaxOf<T>(ReadOnlySpan<T> values) where T : INumber<T>
    {
        T best = values[0];
        for (int i = 1; i < values.Length; i++) if (values[i] > best) best = values[i];
        return best;
    }

    static int Main()
    {
        Span<Int32Number> ints = stackalloc Int32Number[5];
        for (int i = 0; i < 5; i++) ints[i] = new Int32Number(i * i - 3);
        Console.WriteLine(Int32Number.ToLong(Sum<Int32Number>(ints)));
        Console.WriteLine(Int32Number.ToLong(MaxOf<Int32Number>(ints)));
        Console.WriteLine(Int32Number.ToLong(Power(new Int32Number(3), 10)));

        Span<Fixed16> fixeds = stackalloc Fixed16[3];
        fixeds[0] = Fixed16.FromInt(1);
        fixeds[1] = new Fixed16 { Raw = 1 << 15 };
        fixeds[2] = Fixed16.FromInt(-3);
        Console.WriteLine(Fixed16.ToLong(Sum<Fixed16>(fixeds)));
        Console.WriteLine(Fixed16.ToLong(Power(new Fixed16 { Raw = 3 << 15 }, 4)));
        Console.WriteLine(Fixed16.ToLong(MaxOf<Fixed16>(fixeds)));

        Span<Mod7> mods = stackalloc Mod7[4];
        for (int i = 0; i < 4; i++) mods[i] = Mod7.Of(i * 5);
        Console.WriteLine(Mod7.ToLong(Sum<Mod7>(mods)));
        Console.WriteLine(Mod7.ToLong(Power(Mod7.Of(3), 6)));
        Console.WriteLine(Mod7.ToLong(MaxOf<Mod7>(mods)));
        return 0;
    }
}
