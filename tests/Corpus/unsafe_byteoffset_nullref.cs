// Unsafe.ByteOffset, NullRef/IsNullRef and AreSame on refs into structs and spans.
using System;
using System.Runtime.CompilerServices;

struct Record
{
    public int Id;
    public long Stamp;
    public short Flags;
}

class Program
{
    static ref int Find(Span<int> values, int wanted)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] == wanted) return ref values[i];
        }
        return ref Unsafe.NullRef<int>();
    }

    static int Main()
    {
        Record r = default;
        Console.WriteLine(Unsafe.ByteOffset(ref Unsafe.As<Record, byte>(ref r), ref Unsafe.As<long, byte>(ref r.Stamp)));
        Console.WriteLine(Unsafe.ByteOffset(ref Unsafe.As<short, byte>(ref r.Flags), ref Unsafe.As<int, byte>(ref r.Id)));
        Span<int> values = stackalloc int[6];
        for (int i = 0; i < 6; i++) values[i] = i * 11;
        Console.WriteLine(Unsafe.ByteOffset(ref values[1], ref values[5]));

        ref int found = ref Find(values, 33);
        Console.WriteLine(Unsafe.IsNullRef(ref found));
        Console.WriteLine(found);
        found = -33;
        Console.WriteLine(values[3]);
        ref int missing = ref Find(values, 34);
        Console.WriteLine(Unsafe.IsNullRef(ref missing));

        Console.WriteLine(Unsafe.AreSame(ref values[2], ref Unsafe.Add(ref values[0], 2)));
        Console.WriteLine(Unsafe.AreSame(ref values[2], ref values[3]));
        ref int a = ref r.Id;
        ref int b = ref r.Id;
        Console.WriteLine(Unsafe.AreSame(ref a, ref b));
        Record copy = r;
        Console.WriteLine(Unsafe.AreSame(ref copy.Id, ref r.Id));
        return 0;
    }
}
