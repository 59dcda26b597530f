// ref locals, ref returns, ref reassignment, ref readonly, refs into spans and struct fields, ref conditional.
using System;

struct Grid
{
    public int A, B, C, D;

    public static ref int Cell(ref Grid g, int i)
    {
        if (i == 0) return ref g.A;
        if (i == 1) return ref g.B;
        if (i == 2) return ref g.C;
        return ref g.D;
    }
}

class Program
{
    static int s_value = 10;
    static Grid s_grid;

    static ref int StaticRef() => ref s_value;

    static ref int Largest(Span<int> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best]) best = i;
        }
        return ref values[best];
    }

    static ref readonly int ReadOnlyView(in int x) => ref x;

    static int Main()
    {
        ref int r = ref StaticRef();
        r += 5;
        Console.WriteLine(s_value);
        StaticRef() = 100;
        Console.WriteLine(s_value);

        Span<int> values = stackalloc int[] { 3, 9, 4, 9, 1 };
        ref int big = ref Largest(values);
        big = 0;
        Console.WriteLine(values[1]);
        Largest(values) = -1;
        Console.WriteLine(values[3]);

        Grid g = default;
        for (int i = 0; i < 4; i++) Grid.Cell(ref g, i) = (i + 1) * 11;
        Console.WriteLine(g.A + g.B + g.C + g.D);
        Grid.Cell(ref s_grid, 2) = 7;
        Console.WriteLine(s_grid.C);

        int x = 1, y = 2;
        ref int which = ref x;
        which = 10;
        which = ref y;
        which = 20;
        Console.WriteLine(x); Console.WriteLine(y);
        bool pickX = x > y;
        ref int chosen = ref pickX ? ref x : ref y;
        chosen *= 3;
        Console.WriteLine(x); Console.WriteLine(y);

        ref readonly int view = ref ReadOnlyView(in x);
        x = 77;
        Console.WriteLine(view);

        // ref iteration over a span
        int sum = 0;
        foreach (ref int v in values)
        {
            v *= 2;
            sum += v;
        }
        Console.WriteLine(sum);
        Console.WriteLine(values[0]);
        ref int last = ref values[values.Length - 1];
        last = 1000;
        Console.WriteLine(values[4]);
        return 0;
    }
}
