using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>How a kernel boots, from its ELF's entry, as for <c>./run.sh boot</c> (<see cref="Firmwares.DefaultFor"/>):
/// below 0x80200000 an M-mode kernel under <c>-bios none</c> (the kernel before issue 9), at or above it an S-mode
/// kernel under the SBI firmware today's launcher picks. <see cref="GuestRun"/> boots it so; this says it in the report.</summary>
public sealed record BaselineBoot(Baseline Baseline, TargetArch Arch, string Elf, string Mode)
{
    public static BaselineBoot Describe(Baseline baseline, TargetArch arch, string elf) => new(baseline, arch, elf, ModeOf(arch, elf));

    /// <summary>The privilege mode, entry and firmware in words.</summary>
    public static string ModeOf(TargetArch arch, string elf)
    {
        ulong entry = ElfFile.ReadEntry(elf);
        return Firmwares.DefaultFor(arch, entry) switch
        {
            FirmwareKind.None => $"M-mode from 0x{entry:x}, `-bios none`",
            FirmwareKind.OpenSbi => $"S-mode from 0x{entry:x} under OpenSBI (`-bios default`)",
            _ => $"S-mode from 0x{entry:x} under the own firmware (firmware/, today's)",
        };
    }
}
