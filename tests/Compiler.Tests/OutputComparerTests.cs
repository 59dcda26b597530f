using System.Text;

namespace Rvc.Compiler.Tests;

/// <summary>The comparison rule itself, so that a harness bug cannot make every corpus case pass.</summary>
public sealed class OutputComparerTests
{
    private static ReferenceResult Reference(string stdout, int exitCode = 0, string? type = null, string? message = null)
        => new([], Encoding.UTF8.GetBytes(stdout), "", exitCode, false, type, message);

    private static ProcessResult Actual(string stdout, int exitCode = 0, string stderr = "", bool timedOut = false)
        => new(Encoding.UTF8.GetBytes(stdout), stderr, exitCode, timedOut, TimeSpan.Zero);

    [Fact]
    public void IdenticalOutputAndStatusMatch()
        => Assert.Null(OutputComparer.Compare(Reference("a\nb\n", 3), Actual("a\nb\n", 3), "rv64"));

    [Fact]
    public void OneDifferentByteFails()
        => Assert.Contains("stdout differs at byte 2", OutputComparer.Compare(Reference("a\nb\n"), Actual("a\nc\n"), "host"));

    [Fact]
    public void MissingTrailingNewlineFails()
        => Assert.NotNull(OutputComparer.Compare(Reference("a\n"), Actual("a"), "host"));

    [Fact]
    public void DifferentStatusFails()
        => Assert.Contains("exit status", OutputComparer.Compare(Reference("", 1), Actual("", 0), "rv32"));

    [Fact]
    public void StatusIsComparedModulo256()
        => Assert.Null(OutputComparer.Compare(Reference("", 134), Actual("", 134 + 256), "rv32"));

    [Fact]
    public void TimeoutFails()
        => Assert.Contains("timed out", OutputComparer.Compare(Reference("x\n"), Actual("x\n", -1, timedOut: true), "rv64"));

    [Fact]
    public void PanicLineAfterTheSameOutputMatches()
    {
        var reference = Reference("start\n", 134, "System.OverflowException", "Arithmetic operation resulted in an overflow.");
        Assert.Null(OutputComparer.Compare(reference, Actual("start\npanic: System.OverflowException: Arithmetic operation resulted in an overflow.\n", 134), "rv32"));
        Assert.Null(OutputComparer.Compare(reference, Actual("start\npanic: System.OverflowException: Arithmetic operation resulted in an overflow.", 134), "rv64"));
    }

    [Fact]
    public void TheStackAfterThePanicLineIsLeftOut()
    {
        var reference = Reference("start\n", 134, "System.OverflowException", "Arithmetic operation resulted in an overflow.");
        Assert.Null(OutputComparer.Compare(reference, Actual("start\npanic: System.OverflowException: Arithmetic operation resulted in an overflow.\n   at 0x80001ede\n   at 0x8000008c\n", 134), "rv32"));
        // After output without a newline, as CoreCLR's stdout ends.
        var unterminated = Reference("start", 134, "System.OverflowException", "Arithmetic operation resulted in an overflow.");
        Assert.Null(OutputComparer.Compare(unterminated, Actual("startpanic: System.OverflowException: Arithmetic operation resulted in an overflow.\n   at 0x1234\n", 134), "host"));
        // Only frame lines: anything else after the panic is output CoreCLR did not print.
        Assert.NotNull(OutputComparer.Compare(reference, Actual("start\npanic: System.OverflowException: Arithmetic operation resulted in an overflow.\n   at 0x80001ede\nmore\n", 134), "rv32"));
    }

    [Fact]
    public void PanicWithWrongMessageOrStatusFails()
    {
        var reference = Reference("start\n", 134, "System.OverflowException", "Arithmetic operation resulted in an overflow.");
        Assert.NotNull(OutputComparer.Compare(reference, Actual("start\npanic: System.OverflowException: overflow\n", 134), "rv32"));
        Assert.NotNull(OutputComparer.Compare(reference, Actual("start\npanic: System.OverflowException: Arithmetic operation resulted in an overflow.\n", 1), "rv32"));
        Assert.NotNull(OutputComparer.Compare(reference, Actual("start\n", 134), "rv32"));
    }

    [Fact]
    public void PanicOnStderrCountsOnTheHostOnly()
    {
        var reference = Reference("start\n", 134, "System.InvalidOperationException", "bad state");
        Assert.Null(OutputComparer.Compare(reference, Actual("start\n", 134, "panic: System.InvalidOperationException: bad state\n"), "host"));
        Assert.NotNull(OutputComparer.Compare(reference, Actual("start\n", 134, "panic: System.InvalidOperationException: bad state\n"), "rv64"));
    }

    [Fact]
    public void PanicWithoutMessage()
    {
        var reference = Reference("", 134, "System.Exception", null);
        Assert.Equal("panic: System.Exception", reference.PanicLine);
        Assert.Null(OutputComparer.Compare(reference, Actual("panic: System.Exception\n", 134), "rv32"));
    }
}
