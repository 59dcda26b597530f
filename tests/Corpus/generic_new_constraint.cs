// new T() in generic code (Roslyn calls Activator.CreateInstance<T>()): for a struct with an explicit
// parameterless constructor it runs that constructor, otherwise it zero-initializes.
using System;

struct WithCtor
{
    public int A;
    public long B;
    public WithCtor() { A = 5; B = -1; }
}

#pragma warning disable CS0649 // never assigned on purpose: its default value is what is printed
struct Plain
{
    public int A;
    public long B;
}

class Program
{
    static T New<T>() where T : struct => new T();
    static T Make<T>() where T : new() => new T();

    static int Main()
    {
        Console.WriteLine(New<WithCtor>().A);
        Console.WriteLine(New<WithCtor>().B);
        Console.WriteLine(New<Plain>().A);
        Console.WriteLine(Make<WithCtor>().A);
        Console.WriteLine(Make<int>());
        Console.WriteLine(Make<long>() + 1);
        return 0;
    }
}
