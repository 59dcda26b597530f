using System.CommandLine;
using Rvc.Driver;

namespace Rvc.Launcher.Commands;

/// <summary><c>./run.sh build-firmware [--arch A]</c>: builds firmware/Firmware.csproj (rvcsbi, the own SBI firmware) and
/// prints the ELF's full path on standard output, for <c>--firmware FILE.elf</c>.</summary>
public static class BuildFirmwareCommand
{
    public static Command Create()
    {
        var arch = ArchOption.Create("the arch to build the firmware for: rv32 or rv64 (default rv64)");
        var command = new Command("build-firmware",
            "build firmware/Firmware.csproj (rvcsbi, the own SBI firmware) for the arch (default rv64); prints the ELF's path, for --firmware FILE.elf")
        {
            arch,
        };
        CommandLineTool.RejectRepeats(command);
        command.SetAction(result =>
        {
            var target = result.GetValue(arch) ?? TargetArch.RiscV64;
            if (target == TargetArch.Host)
                throw new LauncherException("build-firmware: the firmware runs in M-mode on QEMU's virt machine: rv32 or rv64");
            Prerequisites.Ensure(Prerequisites.ToolsFor(target, compile: true, boot: false));
            Console.WriteLine(FirmwareProject.Build(RepoLayout.Find(), target));
            return 0;
        });
        return command;
    }
}
