using System.CommandLine;
using Rvc.Driver;

namespace Rvc.Launcher.Commands;

/// <summary><c>./run.sh build-kernel [--arch A]</c>: builds kernel/Kernel.csproj and prints the ELF's full path on
/// standard output.</summary>
public static class BuildKernelCommand
{
    public static Command Create()
    {
        var arch = ArchOption.Create("the arch to build the kernel for (default rv64)");
        var command = new Command("build-kernel", "build kernel/Kernel.csproj for the arch (default rv64); prints the ELF's path") { arch };
        CommandLineTool.RejectRepeats(command);
        command.SetAction(result =>
        {
            var target = result.GetValue(arch) ?? TargetArch.RiscV64;
            Prerequisites.Ensure(Prerequisites.ToolsFor(target, compile: true, boot: false));
            Console.WriteLine(KernelProject.Build(RepoLayout.Find(), target));
            return 0;
        });
        return command;
    }
}
