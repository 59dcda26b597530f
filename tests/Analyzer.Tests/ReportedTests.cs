using Rvc.Diagnostics;

namespace Rvc.Analyzer.Tests;

/// <summary>Each construct rvc rejects is reported at the exact expression, with rvc's code and message.</summary>
public sealed class ReportedTests
{
    [Fact]
    public Task BoxingToObject() => Verify.AnalyzerAsync("""
        static class Program
        {
            static void Main()
            {
                object o = {|#0:42|};
            }
        }
        """, Verify.Diagnostic("RVC0001", DiagnosticMessages.Boxing("Int32")));

    [Fact]
    public Task BoxingToInterface() => Verify.AnalyzerAsync("""
        struct Handle : System.IDisposable { public void Dispose() { } }
        static class Program
        {
            static void Close(System.IDisposable d) { }
            static void Main()
            {
                Close({|#0:new Handle()|});
            }
        }
        """, Verify.Diagnostic("RVC0001", DiagnosticMessages.Boxing("Handle")));

    [Fact]
    public Task BoxingAsArgumentOfStructConstrainedTypeParameter() => Verify.AnalyzerAsync("""
        static class Program
        {
            static object Keep<T>(T value) where T : struct => {|#0:value|};
        }
        """, Verify.Diagnostic("RVC0001", DiagnosticMessages.Boxing("T")));

    [Fact]
    public Task NewClass() => Verify.AnalyzerAsync("""
        class Thing { }
        static class Program
        {
            static void Main()
            {
                var t = {|#0:new Thing()|};
            }
        }
        """, Verify.Diagnostic("RVC0002", DiagnosticMessages.NewClass("Thing")));

    [Fact]
    public Task NewClassTargetTyped() => Verify.AnalyzerAsync("""
        class Thing { }
        static class Program
        {
            static void Main()
            {
                Thing t = {|RVC0002:new()|};
            }
        }
        """);

    [Fact]
    public Task NewOfClassTypeParameter() => Verify.AnalyzerAsync("""
        static class Program
        {
            static T Make<T>() where T : class, new() => {|#0:new T()|};
        }
        """, Verify.Diagnostic("RVC0002", DiagnosticMessages.NewTypeParameter("T")));

    [Fact]
    public Task VirtualCall() => Verify.AnalyzerAsync("""
        abstract class Shape { public abstract int Area(); }
        static class Program
        {
            static int Measure(Shape shape) => {|#0:shape.Area()|};
        }
        """, Verify.Diagnostic("RVC0003", DiagnosticMessages.VirtualCall("Shape", "Area")));

    [Fact]
    public Task VirtualCallThroughAnOverrideIsTheDeclaration() => Verify.AnalyzerAsync("""
        abstract class Shape { public abstract int Area(); }
        class Square : Shape { public override int Area() => 4; }
        static class Program
        {
            static int Measure(Square square) => {|#0:square.Area()|};
        }
        """, Verify.Diagnostic("RVC0003", DiagnosticMessages.VirtualCall("Shape", "Area")));

    [Fact]
    public Task VirtualProperty() => Verify.AnalyzerAsync("""
        abstract class Shape { public abstract int Sides { get; } }
        static class Program
        {
            static int Count(Shape shape) => {|#0:shape.Sides|};
        }
        """, Verify.Diagnostic("RVC0003", DiagnosticMessages.VirtualCall("Shape", "get_Sides")));

    [Fact]
    public Task InterfaceCall() => Verify.AnalyzerAsync("""
        interface IShape { int Area(); }
        static class Program
        {
            static int Measure(IShape shape) => {|#0:shape.Area()|};
        }
        """, Verify.Diagnostic("RVC0003", DiagnosticMessages.InterfaceCall("IShape", "Area")));

    [Fact]
    public Task Catch() => Verify.AnalyzerAsync("""
        using System;
        static class Program
        {
            static void Main()
            {
                try { } {|#0:catch (InvalidOperationException)|} { }
            }
        }
        """, Verify.Diagnostic("RVC0004", DiagnosticMessages.Catch));

    [Fact]
    public Task CatchWithFilterAndBareCatch() => Verify.AnalyzerAsync("""
        using System;
        static class Program
        {
            static void Main()
            {
                try { } {|RVC0004:catch (InvalidOperationException e) when (e.Message != null)|} { } {|RVC0004:catch|} { }
            }
        }
        """);

    [Fact]
    public Task Lambda() => Verify.AnalyzerAsync("""
        delegate int Operation(int value);
        static class Program
        {
            static void Main()
            {
                Operation increment = {|#0:static x => x + 1|};
            }
        }
        """, Verify.Diagnostic("RVC0005", DiagnosticMessages.Delegate));

    [Fact]
    public Task MethodGroupToDelegate() => Verify.AnalyzerAsync("""
        delegate int Operation(int value);
        static class Program
        {
            static int Twice(int x) => 2 * x;
            static void Main()
            {
                Operation twice = {|RVC0005:Twice|};
            }
        }
        """);

    [Fact]
    public Task ArrayCreationAndIndexing() => Verify.AnalyzerAsync("""
        static class Program
        {
            static int Main()
            {
                int[] values = {|#0:new int[4]|};
                int[] more = {|RVC0006:[1, 2, 3]|};
                return {|RVC0006:values[0]|};
            }
        }
        """, Verify.Diagnostic("RVC0006", DiagnosticMessages.Array));

    [Fact]
    public Task ArrayCreatedForParams() => Verify.AnalyzerAsync("""
        static class Program
        {
            static int Count(params int[] values) => 0;
            static int Main() => {|RVC0006:Count(1, 2)|};
        }
        """);

    [Fact]
    public Task StringConcatenation() => Verify.AnalyzerAsync("""
        static class Program
        {
            static string Greet(string name) => {|#0:"hello, " + name + "!"|};
        }
        """, Verify.Diagnostic("RVC0007", DiagnosticMessages.StringConcatenation));

    [Fact]
    public Task StringCompoundConcatenation() => Verify.AnalyzerAsync("""
        static class Program
        {
            static string Greet(string name)
            {
                string s = "hello, ";
                {|RVC0007:s += name|};
                return s;
            }
        }
        """);

    // The core library has no string.Format: Roslyn also reports CS0117, which this test does not check. The
    // analyzer's message says what to write instead, where CS0117 does not.
    [Fact]
    public Task StringFormatting() => Verify.AnalyzerAsync("""
        static class Program
        {
            static string Show(int n) => {|#0:$"n={n}"|};
        }
        """, Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        Verify.Diagnostic("RVC0007", DiagnosticMessages.StringFormatting));
}
