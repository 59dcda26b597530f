// Static fields and static constructors of generic types are per instantiation; nested generic types;
// a generic type's static method calling another instantiation.
using System;
using System.Runtime.CompilerServices;

static class Registry<T>
{
    public static int Count;
    public static readonly int Size = Unsafe.SizeOf<T>();

    public static int Register()
    {
        Count++;
        return Count;
    }
}

static class Outer<T>
{
    public static class Inner<U>
    {
        public static int Calls;
        public static int Combined() { Calls++; return Unsafe.SizeOf<T>() * 100 + Unsafe.SizeOf<U>(); }
    }
}

struct Id<T>
{
    public static int Created;
    public int Value;

    public static Id<T> Make()
    {
        Id<T> id;
        id.Value = ++Created;
        return id;
    }
}

static class Cached<T>
{
    public static readonly long Seed;
    public static int Initializations;

    static Cached()
    {
        Initializations++;
        Seed = Unsafe.SizeOf<T>() * 1000L + 7;
    }
}

class Program
{
    static int Main()
    {
        Registry<int>.Register();
        Registry<int>.Register();
        Registry<long>.Register();
        Registry<Id<byte>>.Register();
        Console.WriteLine(Registry<int>.Count);
        Console.WriteLine(Registry<long>.Count);
        Console.WriteLine(Registry<byte>.Count);
        Console.WriteLine(Registry<Id<byte>>.Count);
        Console.WriteLine(Registry<short>.Size + Registry<double>.Size);

        Console.WriteLine(Outer<int>.Inner<byte>.Combined());
        Console.WriteLine(Outer<byte>.Inner<long>.Combined());
        Outer<int>.Inner<byte>.Combined();
        Console.WriteLine(Outer<int>.Inner<byte>.Calls);
        Console.WriteLine(Outer<byte>.Inner<long>.Calls);
        Console.WriteLine(Outer<byte>.Inner<int>.Calls);

        Id<int> a = Id<int>.Make();
        Id<int> b = Id<int>.Make();
        Id<long> c = Id<long>.Make();
        Console.WriteLine(a.Value * 100 + b.Value * 10 + c.Value);
        Console.WriteLine(Id<char>.Created);

        Console.WriteLine(Cached<int>.Seed);
        Console.WriteLine(Cached<long>.Seed);
        Console.WriteLine(Cached<int>.Seed);
        Console.WriteLine(Cached<int>.Initializations + Cached<long>.Initializations);
        return 0;
    }
}
