using System;

// ValueTuple has auto layout on CoreCLR (fields by decreasing size): sizes and field offsets of tuples of 2 to 7
// elements, with primitives and small structs, and tuples used as values (deconstruction, swaps, returns).
class Program
{
    struct Pair
    {
        public int A;
        public byte B;
    }

    struct Wide
    {
        public long L;
        public short S;
    }

    static unsafe void Offsets<T>(ref T tuple, void* i1, void* i2, void* i3, string name) where T : unmanaged
    {
        byte* start = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref tuple);
        Console.WriteLine($"{name}: size {sizeof(T)} offsets {(byte*)i1 - start} {(byte*)i2 - start} {(i3 == null ? -1 : (byte*)i3 - start)}");
    }

    static (int Sum, long Product, bool Big) Stats(int a, int b) => (a + b, (long)a * b, a * b > 100);

    static unsafe int Main()
    {
        var t1 = ((byte)1, 2L, (byte)3);
        Offsets(ref t1, &t1.Item1, &t1.Item2, &t1.Item3, "(byte, long, byte)");
        var t2 = ((short)1, 2, (byte)3);
        Offsets(ref t2, &t2.Item1, &t2.Item2, &t2.Item3, "(short, int, byte)");
        var t3 = ((byte)1, new Pair(), 3.0);
        Offsets(ref t3, &t3.Item1, &t3.Item2, &t3.Item3, "(byte, Pair, double)");
        var t4 = (new Wide(), (byte)2, 3);
        Offsets(ref t4, &t4.Item1, &t4.Item2, &t4.Item3, "(Wide, byte, int)");
        var t5 = ('a', true);
        Offsets(ref t5, &t5.Item1, &t5.Item2, null, "(char, bool)");
        var t6 = (1, 2, 3, 4L);
        Offsets(ref t6, &t6.Item1, &t6.Item4, &t6.Item3, "(int, int, int, long)");
        var t7 = ((byte)1, (short)2, 3, 4L, 5f, 6.0, 'x');
        Offsets(ref t7, &t7.Item1, &t7.Item4, &t7.Item7, "7-tuple");
        Console.WriteLine($"{sizeof((byte, byte))} {sizeof((int, byte, int))} {sizeof((long, byte, byte, byte, byte, byte))} {sizeof((double, float, short, byte, bool, char))}");

        var (sum, product, big) = Stats(7, 20);
        Console.WriteLine($"{sum} {product} {big}");
        int x = 1, y = 2;
        (x, y) = (y, x);
        Console.WriteLine($"{x} {y} {t7.Item1 + t7.Item2 + t7.Item3 + t7.Item4} {t7.Item5} {t7.Item6} {t7.Item7}");
        return 0;
    }
}
