using Rvc.Driver;

namespace Rvc.Launcher;

/// <summary>The M-mode firmware QEMU starts first (docs/abi.md, "Firmware (SBI)").</summary>
public enum FirmwareKind
{
    /// <summary><c>-bios none</c>: the program itself starts in M-mode at 0x80000000 (what <c>./run.sh build</c> makes, and the kernel today).</summary>
    None,

    /// <summary><c>-bios default</c>: the OpenSBI that Debian's QEMU ships (v1.1, fw_dynamic); rv64 only.</summary>
    OpenSbi,

    /// <summary>rvcsbi, the project's own firmware (firmware/Firmware.csproj), built when needed; rv32 and rv64.</summary>
    Own,
}

/// <summary>
/// Choosing and preparing the firmware under an S-mode program. An S-mode program is an ELF whose entry is at or
/// above <see cref="SupervisorBase"/>: below it lives the firmware. To boot one with a firmware, from code:
/// <code>
/// var options = Firmwares.Prepare(repo, new BootOptions { Executable = elf, Arch = arch, Firmware = FirmwareKind.Own });
/// Machine.Boot(options);   // QemuArguments puts Firmwares.QemuArguments(options.Firmware.Value, options.FirmwareElf) first
/// </code>
/// (<c>Firmware = null</c> chooses as <c>./run.sh boot</c> does: see <see cref="DefaultFor"/>.)
/// </summary>
public static class Firmwares
{
    /// <summary>Where both firmwares enter the S-mode program (its link address).</summary>
    public const ulong SupervisorBase = 0x8020_0000;

    /// <summary><c>none</c>, <c>opensbi</c>, <c>own</c>, or the path of an own firmware already built
    /// (<c>./run.sh build-firmware</c>), which <see cref="IsFile"/> tells apart.</summary>
    public static FirmwareKind Parse(string text) => text switch
    {
        "none" => FirmwareKind.None,
        "opensbi" => FirmwareKind.OpenSbi,
        "own" => FirmwareKind.Own,
        _ when IsFile(text) => FirmwareKind.Own,
        _ when text.EndsWith(".elf", StringComparison.Ordinal) => throw new LauncherException($"--firmware {text}: no such file"),
        _ => throw new LauncherException($"--firmware expects none, opensbi, own or a firmware ELF file, not '{text}'"),
    };

    /// <summary>Whether a --firmware value names a file rather than a firmware.</summary>
    public static bool IsFile(string text) => text is not ("none" or "opensbi" or "own") && File.Exists(text);

    public static string Name(this FirmwareKind kind) => kind switch
    {
        FirmwareKind.OpenSbi => "opensbi",
        FirmwareKind.Own => "own",
        _ => "none",
    };

    /// <summary>An M-mode program (entry below 0x80200000) gets none; an S-mode program OpenSBI where Debian has it
    /// (rv64) and the own firmware on rv32, where Debian ships no 32-bit OpenSBI.</summary>
    public static FirmwareKind DefaultFor(TargetArch arch, ulong entry)
        => entry < SupervisorBase ? FirmwareKind.None : arch == TargetArch.RiscV64 ? FirmwareKind.OpenSbi : FirmwareKind.Own;

    /// <summary>Refuses what cannot boot, with the reason: OpenSBI on rv32, any firmware on the host, a firmware
    /// under a program linked where the firmware lives.</summary>
    public static void Check(FirmwareKind kind, TargetArch arch, ulong entry, string executable)
    {
        if (kind == FirmwareKind.None)
            return;
        if (arch == TargetArch.Host)
            throw new LauncherException("--firmware applies to rv32 and rv64 only: a host program runs directly");
        if (kind == FirmwareKind.OpenSbi && arch == TargetArch.RiscV32)
            throw new LauncherException("--firmware opensbi: Debian's QEMU ships no 32-bit OpenSBI; use --firmware own on rv32");
        if (entry < SupervisorBase)
            throw new LauncherException($"{executable} starts at 0x{entry:x}, inside the firmware's memory: an S-mode program for SBI firmware is linked at 0x{SupervisorBase:x} (docs/abi.md); an M-mode program boots with --firmware none");
    }

    /// <summary>QEMU's arguments for the firmware: <c>-bios none</c>, <c>-bios default</c> or <c>-bios FIRMWARE.elf</c>
    /// (<paramref name="ownFirmwareElf"/>, from <see cref="FirmwareProject.Build"/>).</summary>
    public static IReadOnlyList<string> QemuArguments(FirmwareKind kind, string? ownFirmwareElf) => kind switch
    {
        FirmwareKind.OpenSbi => ["-bios", "default"],
        FirmwareKind.Own => ["-bios", ownFirmwareElf ?? throw new InvalidOperationException("the own firmware is not built: call Firmwares.Prepare first")],
        _ => ["-bios", "none"],
    };

    /// <summary>Resolves <see cref="BootOptions.Firmware"/> (null: <see cref="DefaultFor"/> the executable's entry),
    /// checks it, and builds the own firmware when it is chosen (Debug, at -O0, under <c>--gdb</c>).</summary>
    public static BootOptions Prepare(RepoLayout repo, BootOptions options)
    {
        if (options.Arch == TargetArch.Host)
        {
            if (options.Firmware is { } chosen && chosen != FirmwareKind.None)
                Check(chosen, options.Arch, 0, options.Executable);
            return options with { Firmware = FirmwareKind.None };
        }

        ulong entry = ElfFile.ReadEntry(options.Executable);
        var kind = options.Firmware ?? DefaultFor(options.Arch, entry);
        Check(kind, options.Arch, entry, options.Executable);
        if (kind != FirmwareKind.Own)
            return options with { Firmware = kind };
        if (options.FirmwareElf is { } built)
        {
            if (ElfFile.ReadArch(built) != options.Arch)
                throw new LauncherException($"--firmware {built} is built for {ElfFile.ReadArch(built).Name()}, not {options.Arch.Name()}");
            return options with { Firmware = kind };
        }

        Prerequisites.Ensure(Prerequisites.ToolsFor(options.Arch, compile: true, boot: false));
        var elf = FirmwareProject.Build(repo, options.Arch, options.Gdb ? KernelProject.Debug : KernelProject.Release);
        return options with { Firmware = kind, FirmwareElf = elf };
    }
}
