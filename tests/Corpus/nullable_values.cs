// Nullable<T> over value types: HasValue, Value, GetValueOrDefault, ??, lifted arithmetic and comparisons,
// nullable structs, and finally .Value on an empty nullable, which ends the program with
// InvalidOperationException.
using System;

struct Reading
{
    public int Sensor;
    public long Value;
}

class Program
{
    static int? Find(int key) => key % 3 == 0 ? key * 10 : null;

    static Reading? Read(int sensor)
    {
        if (sensor < 0) return null;
        Reading r;
        r.Sensor = sensor;
        r.Value = sensor * 1000L;
        return r;
    }

    static int Main()
    {
        int? a = 5;
        int? none = null;
        Console.WriteLine(a.HasValue);
        Console.WriteLine(none.HasValue);
        Console.WriteLine(a.Value);
        Console.WriteLine(none.GetValueOrDefault());
        Console.WriteLine(none.GetValueOrDefault(-1));
        Console.WriteLine(none ?? 42);
        Console.WriteLine((a + 1).Value);
        Console.WriteLine((a + none).HasValue);
        Console.WriteLine(a > 3);
        Console.WriteLine(none > 3);
        Console.WriteLine(none < 3);
        Console.WriteLine(none == null);
        Console.WriteLine(a == 5);
        Console.WriteLine(a != none);
        int total = 0;
        for (int k = 0; k < 10; k++)
        {
            int? found = Find(k);
            if (found is int v) total += v;
            total += found ?? 1;
        }
        Console.WriteLine(total);
        long? big = long.MaxValue;
        big -= 1;
        Console.WriteLine(big.Value);
        bool? unknown = null;
        bool? yes = true;
        Console.WriteLine((yes & unknown).HasValue);
        Console.WriteLine((yes | unknown).Value);
        Reading? r = Read(7);
        Console.WriteLine(r.HasValue);
        Console.WriteLine(r.Value.Value + r.Value.Sensor);
        Reading? missing = Read(-1);
        Console.WriteLine(missing.HasValue);
        Console.WriteLine(missing.GetValueOrDefault().Value);
        a = null;
        Console.WriteLine("reading an empty nullable");
        Console.WriteLine(missing.Value.Sensor);
        return 0;
    }
}
