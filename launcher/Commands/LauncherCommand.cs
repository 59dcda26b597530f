using System.CommandLine;
using Rvc.Driver;

namespace Rvc.Launcher.Commands;

/// <summary>The launcher's command line: <c>./run.sh</c> with boot options builds and boots the kernel; the subcommands
/// build, boot, build-kernel and prereqs do one step each. <c>./run.sh --help</c> and <c>./run.sh COMMAND --help</c>
/// show each command's own options.</summary>
public static class LauncherCommand
{
    /// <param name="qemuArguments">the arguments after <c>--</c> (<see cref="BootCommandLine.SplitAtDoubleDash"/>): for
    /// the commands that boot</param>
    public static RootCommand Create(IReadOnlyList<string>? qemuArguments = null)
    {
        qemuArguments ??= [];
        var root = new RootCommand("Builds C# programs and the kernel with rvc and boots them under QEMU (rv32, rv64) or on the host.")
        {
            // run.ps1 names itself; run.sh is the default.
            HelpName = Environment.GetEnvironmentVariable("RVC_LAUNCHER_NAME") is { Length: > 0 } name ? name : "./run.sh",
        };
        root.Description += " Without a command: " + RunCommand.Description + ".";
        RunCommand.Configure(root, qemuArguments);

        var run = new Command("run", RunCommand.Description + " (the default command)");
        RunCommand.Configure(run, qemuArguments);
        var help = new Command("help", "show this help");
        help.SetAction(_ => CommandLineTool.Parse(root, ["--help"]).Invoke());
        var boot = BootCommand.Create(qemuArguments);
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(boot);
        root.Subcommands.Add(BuildKernelCommand.Create());
        root.Subcommands.Add(BuildFirmwareCommand.Create());
        root.Subcommands.Add(PackCommand.Create());
        root.Subcommands.Add(PrereqsCommand.Create());
        root.Subcommands.Add(run);
        root.Subcommands.Add(help);
        foreach (var command in root.Subcommands.Where(c => c != boot && c != run))
            BootCommandLine.RefuseQemuArguments(command, qemuArguments);
        CommandLineTool.ConfigureHelp(root, new Dictionary<Command, string>
        {
            [root] = BootCommandLine.Notes,
            [run] = BootCommandLine.Notes,
            [boot] = BootCommandLine.Notes,
        });
        return root;
    }
}
