using System.Text;
using Rvc.Driver;

namespace Rvc.Compiler.Tests;

/// <summary>
/// A panic says where (docs/abi.md, "Stack traces"): after <c>panic: T: M</c> the program prints the return addresses
/// of the throw's stack, and <see cref="StackSymbolizer"/> turns them into C# frames from the ELF's DWARF. The
/// programs in <c>Panics/</c> are built and run on each target (rv32 and rv64 under QEMU, the host natively), at -O2,
/// where methods are inlined into each other, and at -O0; each frame's file and line must be those of the source
/// text that throws or calls, found in the source here, not written down.
/// </summary>
public sealed class PanicStackTests
{
    public static TheoryData<string> Targets => new() { "host", "host-O0", "rv32", "rv64", "rv64-O0" };

    [Theory]
    [MemberData(nameof(Targets))]
    public void AThrowShowsTheThrowingMethodAndItsCallers(string target)
    {
        var (source, frames) = BuildRunAndSymbolize("throw_in_callee.cs", target, "panic: System.InvalidOperationException: thrown by Inner");

        Assert.True(frames.Count == 3, $"expected Inner, Middle and Main, got:\n{string.Join('\n', frames)}");
        AssertFrame(frames[0], "Panics.Program.Inner(System.Int32)", source, "throw new InvalidOperationException(\"thrown by Inner\");");
        AssertFrame(frames[1], "Panics.Program.Middle(System.Int32)", source, "Inner(n + 1);");
        AssertFrame(frames[2], "Panics.Program.Main()", source, "Middle(s_calls + 2);");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void AFailedBoundsCheckShowsTheIndexerAndWhatIndexed(string target)
    {
        var (source, frames) = BuildRunAndSymbolize("index_out_of_range.cs", target, "panic: System.IndexOutOfRangeException: Index was outside the bounds of the array.");

        // The check is in the core library's Span indexer; the compiler's throw helper is not a frame.
        Assert.True(frames.Count == 3, $"expected the indexer, Element and Main, got:\n{string.Join('\n', frames)}");
        Assert.Equal("System.Span`1<System.Int32>.get_Item(System.Int32)", frames[0].Method);
        Assert.Equal(Path.Combine(RepoPaths.Root, "runtime-stub", "System", "Span.cs"), frames[0].File);
        AssertFrame(frames[1], "Program.Element(System.Span`1<System.Int32>,System.Int32)", source, "return values[index];");
        AssertFrame(frames[2], "Program.Main()", source, "Console.WriteLine(Element(values, values.Length + 3));");
    }

    [Fact]
    public void NoPanicNoFrames()
        => Assert.Empty(StackSymbolizer.PanicAddresses("start\n   at 0x80001000\n").ReturnAddresses);

    [Fact]
    public void MethodNamesAreCoreClrs()
    {
        Assert.Equal("Ns.Outer+Inner.Run(System.Int32)", StackSymbolizer.MethodName("System.Void Ns.Outer/Inner::Run(System.Int32)"));
        Assert.Equal("_start", StackSymbolizer.MethodName("_start"));
    }

    static (string Source, IReadOnlyList<StackSymbolizer.Frame> Frames) BuildRunAndSymbolize(string program, string target, string panicLine)
    {
        string source = Path.Combine(RepoPaths.PanicPrograms, program);
        string workDir = RepoPaths.UniqueDirectory("panic", Path.GetFileNameWithoutExtension(program));
        var result = NativeRunner.BuildAndRun(source, target, workDir);
        Assert.True(result.Built, string.Join('\n', result.Build.Diagnostics));
        var run = result.Run!;
        string stdout = Encoding.UTF8.GetString(run.Stdout).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True((run.ExitCode & 0xFF) == 134, $"exit status {run.ExitCode}\n{stdout}\n{run.Stderr}");
        Assert.Contains("\n" + panicLine + "\n   at 0x", "\n" + stdout, StringComparison.Ordinal);

        var frames = StackSymbolizer.Describe(result.Executable, stdout);
        Directory.Delete(workDir, recursive: true);
        return (source, frames);
    }

    static void AssertFrame(StackSymbolizer.Frame frame, string method, string source, string text)
    {
        Assert.Equal(method, frame.Method);
        Assert.Equal(source, frame.File);
        Assert.Equal(LineOf(source, text), frame.Line);
    }

    /// <summary>The 1-based line of the one line of <paramref name="source"/> that contains <paramref name="text"/>.</summary>
    static int LineOf(string source, string text)
    {
        var lines = File.ReadAllLines(source);
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"'{text}' is on {matches.Count} lines of {source}");
        return matches[0] + 1;
    }
}
