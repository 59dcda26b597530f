using System.Diagnostics;
using System.Text;
using Rvc.Tests.Shared;

namespace Rvc.Kernel.Tests;

/// <summary>
/// Every byte a program prints reaches the launcher's standard output, even when whoever reads it is slow and the
/// launcher's own input has ended. QEMU's stdio backend, once it has read end of file on its input, drops console output
/// while its output pipe is full; before the launcher held QEMU's input open, a reader that paused for a few seconds
/// lost about a hundred of these lines (and a loaded CI machine lost 3 KiB of a corpus program's output).
/// </summary>
public sealed class ConsoleFloodTests : IDisposable
{
    private const int Lines = 30000; // about 1 MiB: far more than the two pipes and the launcher's buffer hold

    private const string Program = """
        using System;

        class Flood
        {
            static int Main()
            {
                for (int i = 0; i < 30000; i++)
                {
                    Console.Write("line ");
                    Console.Write(i);
                    Console.WriteLine(" of the console flood test");
                }
                return 0;
            }
        }
        """;

    private readonly string _dir = RepoPaths.UniqueDirectory("console-flood", "work");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void ASlowReaderAfterTheInputEndedLosesNothing(string arch)
    {
        string source = Path.Combine(_dir, "flood.cs");
        string elf = Path.Combine(_dir, $"flood.{arch}.elf");
        File.WriteAllText(source, Program);
        var build = KernelBoot.RunLauncher(["build", source, "--arch", arch, "-o", elf], TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, Encoding.UTF8.GetString(build.Stdout) + build.Stderr);

        var start = new ProcessStartInfo(KernelBoot.DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { KernelBoot.LauncherDll, "boot", elf, "--timeout", "120" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.StandardInput.Close(); // the launcher's input ends at once, as with `true | ./run.sh boot ...`
        Thread.Sleep(TimeSpan.FromSeconds(4)); // a reader that is late: the pipes fill up meanwhile
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)), "the launcher did not exit");
        Assert.Equal(0, process.ExitCode);

        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Lines, lines.Length);
        for (int i = 0; i < Lines; i++)
        {
            Assert.Equal($"line {i} of the console flood test", lines[i].TrimEnd('\r'));
        }
    }
}
