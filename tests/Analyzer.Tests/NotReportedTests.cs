namespace Rvc.Analyzer.Tests;

/// <summary>What rvc compiles is not reported: flagging it would be a defect. (The kernel and every program in
/// tests/Corpus are also built with the analyzer, by the kernel build and by Compiler.Tests.)</summary>
public sealed class NotReportedTests
{
    [Fact]
    public Task StructsAndTheirMethods() => Verify.AnalyzerAsync("""
        struct Point
        {
            public int X, Y;
            public Point(int x, int y) { X = x; Y = y; }
            public readonly int LengthSquared => X * X + Y * Y;
            public void Move(int dx) => X += dx;
        }
        static class Program
        {
            static int Main()
            {
                var p = new Point(1, 2);
                Point q = new();
                p.Move(3);
                return p.LengthSquared + q.X;
            }
        }
        """);

    [Fact]
    public Task CallsOnThisInDefaultInterfaceMethods() => Verify.AnalyzerAsync("""
        interface ICounter
        {
            int Count { get; set; }
            int Bump() { Count = Count + 1; return Twice(); }
            int Twice() => this.Count * 2;
        }
        struct Counter : ICounter { public int Count { get; set; } }
        static class Program
        {
            static int Bump<T>(ref T c) where T : ICounter => c.Bump();
            static int Main()
            {
                var c = new Counter();
                return Bump(ref c);
            }
        }
        """);

    [Fact]
    public Task EnumHasFlagWithItsOwnType() => Verify.AnalyzerAsync("""
        [System.Flags] enum Access { None = 0, Read = 1, Write = 2 }
        static class Program
        {
            static int Main()
            {
                Access a = Access.Read | Access.Write;
                return a.HasFlag(Access.Write) && !a.HasFlag(Access.None | Access.Read) ? 0 : 1;
            }
        }
        """);

    [Fact]
    public Task ConstrainedGenericCallsAndStaticAbstractMembers() => Verify.AnalyzerAsync("""
        interface IShape { int Area(); }
        interface IZero<T> where T : IZero<T> { static abstract T Zero { get; } }
        struct Square : IShape, IZero<Square>
        {
            public int Side;
            public int Area() => Side * Side;
            public static Square Zero => default;
        }
        static class Program
        {
            static int Measure<T>(ref T shape) where T : struct, IShape => shape.Area();
            static T Zero<T>() where T : IZero<T> => T.Zero;
            static int Main()
            {
                var s = new Square { Side = 3 };
                return Measure(ref s) + Zero<Square>().Side;
            }
        }
        """);

    [Fact]
    public Task TypeParametersAreLeftToRvc() => Verify.AnalyzerAsync("""
        static class Program
        {
            static bool IsNull<T>(T value) => value is null;
            static object? Keep<T>(T value) => value;
            static T Make<T>() where T : new() => new T();
        }
        """);

    [Fact]
    public Task SpansStackallocAndConstantData() => Verify.AnalyzerAsync("""
        using System;
        static class Program
        {
            static unsafe int Main()
            {
                Span<int> span = stackalloc int[4];
                span[0] = 1;
                int* raw = stackalloc int[2];
                raw[1] = 2;
                ReadOnlySpan<byte> table = new byte[] { 1, 2, 3 };
                ReadOnlySpan<int> more = [4, 5, 6];
                return span[0] + raw[1] + table[2] + more[0] + "text".Length;
            }
        }
        """);

    [Fact]
    public Task FixedBuffersAndInlineArrays() => Verify.AnalyzerAsync("""
        using System.Runtime.CompilerServices;
        unsafe struct Header { public fixed byte Name[8]; }
        [InlineArray(4)] struct Four { int element; }
        static class Program
        {
            static unsafe int Main()
            {
                Header h = default;
                h.Name[0] = 1;
                Four four = default;
                four[1] = 2;
                return h.Name[0] + four[1];
            }
        }
        """);

    [Fact]
    public Task FunctionPointers() => Verify.AnalyzerAsync("""
        static class Program
        {
            static int Twice(int x) => 2 * x;
            static unsafe int Main()
            {
                delegate*<int, int> twice = &Twice;
                return twice(21);
            }
        }
        """);

    [Fact]
    public Task ExceptionsTryFinallyAndUsing() => Verify.AnalyzerAsync("""
        using System;
        struct Lock : IDisposable { public void Dispose() { } }
        static class Program
        {
            static int Main()
            {
                using (var l = new Lock()) { }
                try { return 0; }
                finally { Console.WriteLine("done"); }
            }
            static void Fail() => throw new InvalidOperationException("boom");
        }
        """);

    [Fact]
    public Task ConstantStringsAndAttributes() => Verify.AnalyzerAsync("""
        using System;
        using System.Runtime.InteropServices;
        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        struct Packed { public byte A; public int B; }
        static class Program
        {
            const string Greeting = "hello, " + "world";
            static int Main()
            {
                Console.WriteLine(Greeting + "!");
                Console.WriteLine($"constant");
                return 0;
            }
        }
        """);
}
