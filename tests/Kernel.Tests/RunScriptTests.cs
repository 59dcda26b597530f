using System.Text;

namespace Rvc.Kernel.Tests;

/// <summary>./run.ps1, run by PowerShell 7 (the repository's local .NET tool, .config/dotnet-tools.json) as a user runs it:
/// it builds the launcher, the launcher builds the kernel and boots the disk demo, and the exit status comes back.</summary>
public class RunScriptTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void PowerShellRunsTheDemo(string arch)
    {
        var restore = ProcessRunner.Run(KernelBoot.DotnetHost(), ["tool", "restore"], Guard, Environment, workingDirectory: RepoPaths.Root);
        Assert.True(restore.ExitCode == 0, $"dotnet tool restore failed:\n{Encoding.UTF8.GetString(restore.Stdout)}\n{restore.Stderr}");

        var run = KernelBoot.WhileNoBuildRuns(() => ProcessRunner.Run(
            KernelBoot.DotnetHost(), ["tool", "run", "pwsh", "--", "-NoProfile", "-File", Path.Combine(RepoPaths.Root, "run.ps1"), "--arch", arch],
            Guard, Environment, workingDirectory: RepoPaths.Root));
        string stdout = Encoding.Latin1.GetString(run.Stdout).Replace("\r\n", "\n", StringComparison.Ordinal);
        string describe = $"pwsh ./run.ps1 --arch {arch}: exit status {run.ExitCode}\n--- stdout ---\n{stdout}\n--- stderr ---\n{run.Stderr}";

        Assert.False(run.TimedOut, describe);
        Assert.True(run.ExitCode == 0, describe);
        Assert.Contains($"rvc kernel on {arch}, hart 0\n", stdout, StringComparison.Ordinal);
        Assert.Contains("first sector: Lorem ipsum dolor sit amet", stdout, StringComparison.Ordinal);
        Assert.Contains("virtio-blk: wrote sector 0: hello from kernel!!!", stdout, StringComparison.Ordinal);
    }

    /// <summary>An error of the launcher reaches PowerShell's caller: its message, its exit status, and the help it names
    /// is run.ps1's.</summary>
    [Fact]
    public void PowerShellPassesErrorsOn()
    {
        var run = ProcessRunner.Run(
            KernelBoot.DotnetHost(), ["tool", "run", "pwsh", "--", "-NoProfile", "-File", Path.Combine(RepoPaths.Root, "run.ps1"), "--queue-size", "3"],
            Guard, Environment, workingDirectory: RepoPaths.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: --queue-size expects a number of queue entries from 4 to 32768, not '3'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(see ./run.ps1 --help)", run.Stderr, StringComparison.Ordinal);
    }
}
