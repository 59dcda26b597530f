// Generic structs: Pair<T, U>, Optional<T>, a fixed-capacity stack over a span, nested instantiations
// such as Pair<Pair<int, long>, Optional<byte>>, layouts of each instantiation.
using System;
using System.Runtime.CompilerServices;

struct Pair<T, U>
{
    public T First;
    public U Second;

    public Pair(T first, U second)
    {
        First = first;
        Second = second;
    }

    public Pair<U, T> Swapped() => new Pair<U, T>(Second, First);
}

struct Optional<T>
{
    private T _value;
    private bool _has;

    public static Optional<T> Some(T value)
    {
        Optional<T> o;
        o._value = value;
        o._has = true;
        return o;
    }

    public bool HasValue => _has;
    public T GetOrDefault(T fallback) => _has ? _value : fallback;
}

ref struct SpanStack<T>
{
    private Span<T> _items;
    private int _count;

    public SpanStack(Span<T> storage)
    {
        _items = storage;
        _count = 0;
    }

    public int Count => _count;
    public bool TryPush(T item)
    {
        if (_count == _items.Length) return false;
        _items[_count++] = item;
        return true;
    }
    public T Pop() => _items[--_count];
}

class Program
{
    static int Main()
    {
        var p = new Pair<int, long>(7, -8);
        Console.WriteLine(p.First + p.Second);
        Pair<long, int> s = p.Swapped();
        Console.WriteLine(s.First * 100 + s.Second);
        Console.WriteLine(Unsafe.SizeOf<Pair<int, long>>());
        Console.WriteLine(Unsafe.SizeOf<Pair<byte, byte>>());
        Console.WriteLine(Unsafe.SizeOf<Pair<byte, Pair<short, byte>>>());
        Console.WriteLine(Unsafe.SizeOf<Optional<long>>());
        Console.WriteLine(Unsafe.SizeOf<Optional<byte>>());

        var nested = new Pair<Pair<int, long>, Optional<byte>>(p, Optional<byte>.Some(200));
        Console.WriteLine(nested.First.Second);
        Console.WriteLine(nested.Second.GetOrDefault(1));
        Console.WriteLine(Unsafe.SizeOf<Pair<Pair<int, long>, Optional<byte>>>());
        Optional<int> none = default;
        Console.WriteLine(none.HasValue);
        Console.WriteLine(none.GetOrDefault(-1));
        Optional<Pair<char, char>> chars = Optional<Pair<char, char>>.Some(new Pair<char, char>('o', 'k'));
        Pair<char, char> got = chars.GetOrDefault(default);
        Console.Write(got.First); Console.WriteLine(got.Second);

        var stack = new SpanStack<Pair<int, int>>(stackalloc Pair<int, int>[4]);
        for (int i = 0; ; i++)
        {
            if (!stack.TryPush(new Pair<int, int>(i, i * i))) break;
        }
        Console.WriteLine(stack.Count);
        int sum = 0;
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            sum = sum * 10 + item.Second % 10;
        }
        Console.WriteLine(sum);
        return 0;
    }
}
