namespace Rvc.Analyzer.Tests;

/// <summary>Every project that imports compiler/build/Rvc.props gets the analyzer: the IL-only build an editor
/// runs (<c>-p:RvcCompile=false</c>) shows the RVC errors. Release is the configuration tested: its optimiser
/// removes the unused box that a Debug build keeps, and the analyzer still reports it. (Debug would build rvc
/// and the analyzer once more, in Debug, for minutes; the analyzer's code does not depend on the configuration.)</summary>
public sealed class MsBuildTests
{
    const string Program = """
        using System;

        delegate int Operation(int value);

        class Thing { }

        static class Program
        {
            static int Main()
            {
                var thing = new Thing();
                Operation increment = x => x + 1;
                object unused = 42;
                return 0;
            }
        }
        """;

    [Fact]
    public void IlOnlyReleaseBuildReportsRvcErrors()
    {
        const string configuration = "Release";
        string root = FindRoot();
        // Outside the repository, as a user's project would be (no Directory.Build.props applies).
        string dir = Path.Combine(Path.GetTempPath(), $"rvc-analyzer-{configuration}-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(dir, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{root}/compiler/build/Rvc.props" />
              <Import Project="{root}/compiler/build/Rvc.targets" />
            </Project>
            """);

        var result = ProcessRunner.Run("dotnet", ["build", Path.Combine(dir, "App.csproj"), "-c", configuration, "-p:RvcCompile=false", "-nologo", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            TimeSpan.FromMinutes(5));
        string output = System.Text.Encoding.UTF8.GetString(result.Stdout) + result.Stderr;

        Assert.False(result.TimedOut);
        Assert.NotEqual(0, result.ExitCode);
        string program = Path.Combine(dir, "Program.cs");
        Assert.Contains($"{program}(11,21): error RVC0002: 'new Thing' creates an object", output, StringComparison.Ordinal);
        Assert.Contains($"{program}(12,31): error RVC0005: delegates and lambdas need a garbage collector", output, StringComparison.Ordinal);
        Assert.Contains($"{program}(13,25): error RVC0001: boxing a 'Int32' needs a garbage collector", output, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "compiler", "build", "Rvc.props")))
                return d.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds compiler/build/Rvc.props");
    }
}
