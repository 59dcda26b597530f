using System.CommandLine;
using Rvc.Driver;

namespace Rvc.Launcher.Commands;

/// <summary><c>./run.sh boot FILE.elf [--arch A] [boot options]</c>: boots an executable under QEMU, or runs it directly
/// for the host.</summary>
public static class BootCommand
{
    public static Command Create(IReadOnlyList<string> qemuArguments)
    {
        var file = new Argument<string>("FILE.elf") { Description = "the executable (an ELF file for RISC-V or x86-64)" };
        var boot = new BootCommandLine(qemuArguments);
        boot.Arch.Description = "the executable's arch (default: read from its ELF header)";
        var command = new Command("boot",
            "boot an executable under QEMU (virt machine), or run it directly for host; the arch is read from the ELF "
            + "header when --arch is not given");
        command.Arguments.Add(file);
        boot.AddTo(command);
        CommandLineTool.RejectRepeats(command, boot.Disk);
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            var arch = result.GetValue(boot.Arch) ?? ElfFile.ReadArch(path);
            var repo = RepoLayout.Find();
            return boot.Read(result, repo, path, arch, interactiveInput: !Console.IsInputRedirected).Boot(repo);
        });
        return command;
    }
}
