using System.CommandLine;
using Rvc.Driver;

namespace Rvc.Launcher.Commands;

/// <summary><c>./run.sh [--arch A] [boot options]</c> (or <c>./run.sh run ...</c>): builds kernel/Kernel.csproj for the
/// arch and boots it.</summary>
public static class RunCommand
{
    public const string Description = "build kernel/Kernel.csproj for the arch (default rv64) and boot it";

    /// <summary>Gives <paramref name="command"/> (the root, and <c>run</c>) the boot options and the action.</summary>
    public static void Configure(Command command, IReadOnlyList<string> qemuArguments)
    {
        var boot = new BootCommandLine(qemuArguments);
        boot.Arch.Description = "the arch to build the kernel for (default rv64)";
        boot.AddTo(command);
        CommandLineTool.RejectRepeats(command, boot.Disk);
        command.SetAction(result =>
        {
            var arch = result.GetValue(boot.Arch) ?? TargetArch.RiscV64;
            var repo = RepoLayout.Find();
            // The options are checked before the build.
            var request = boot.Read(result, repo, "", arch, interactiveInput: !Console.IsInputRedirected);
            Prerequisites.Ensure(Prerequisites.ToolsFor(arch, compile: true, boot: true));
            // Under gdb, the Debug build: rvc compiles it at -O0, so every C# line and local is there to see.
            var elf = KernelProject.Build(repo, arch, request.Options.Gdb ? KernelProject.Debug : KernelProject.Release);
            return (request with { Options = request.Options with { Executable = elf } }).Boot(repo);
        });
    }
}
