using System.CommandLine;
using Rvc.Driver;

namespace Rvc.Launcher.Commands;

/// <summary>The launcher's command line: <c>./run.sh</c> with boot options builds and boots the kernel; the subcommands
/// build, boot, build-kernel and prereqs do one step each. <c>./run.sh --help</c> and <c>./run.sh COMMAND --help</c>
/// show each command's own options.</summary>
public static class LauncherCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Builds C# programs and the kernel with rvc and boots them under QEMU (rv32, rv64) or on the host.")
        {
            // run.ps1 names itself; run.sh is the default.
            HelpName = Environment.GetEnvironmentVariable("RVC_LAUNCHER_NAME") is { Length: > 0 } name ? name : "./run.sh",
        };
        root.Description += " Without a command: " + RunCommand.Description + ".";
        RunCommand.Configure(root);

        var run = new Command("run", RunCommand.Description + " (the default command)");
        RunCommand.Configure(run);
        var help = new Command("help", "show this help");
        help.SetAction(_ => CommandLineTool.Parse(root, ["--help"]).Invoke());
        var boot = BootCommand.Create();
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(boot);
        root.Subcommands.Add(BuildKernelCommand.Create());
        root.Subcommands.Add(BuildFirmwareCommand.Create());
        root.Subcommands.Add(PrereqsCommand.Create());
        root.Subcommands.Add(run);
        root.Subcommands.Add(help);
        CommandLineTool.ConfigureHelp(root, new Dictionary<Command, string>
        {
            [root] = BootCommandLine.Notes,
            [run] = BootCommandLine.Notes,
            [boot] = BootCommandLine.Notes,
        });
        return root;
    }
}
