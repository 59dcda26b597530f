using System.Text;
using Rvc.Driver;
using Rvc.Launcher;
using Rvc.Launcher.Commands;

namespace Rvc.Firmware.Tests;

/// <summary>The launcher's firmware choice and the QEMU arguments it gives, in-process; and its errors.</summary>
public sealed class FirmwareOptionTests
{
    private static readonly RepoLayout Repo = RepoLayout.Find();

    [Theory]
    [InlineData(TargetArch.RiscV64, 0x8020_0000UL, FirmwareKind.OpenSbi)]
    [InlineData(TargetArch.RiscV32, 0x8020_0000UL, FirmwareKind.Own)]
    [InlineData(TargetArch.RiscV64, 0x8000_0000UL, FirmwareKind.None)]
    [InlineData(TargetArch.RiscV32, 0x8000_0000UL, FirmwareKind.None)]
    public void TheDefaultFollowsWhereTheProgramStarts(TargetArch arch, ulong entry, FirmwareKind expected)
        => Assert.Equal(expected, Firmwares.DefaultFor(arch, entry));

    [Theory]
    [InlineData(FirmwareKind.None, "none")]
    [InlineData(FirmwareKind.OpenSbi, "default")]
    [InlineData(FirmwareKind.Own, "/some/Firmware.elf")]
    public void EachFirmwareIsOneBiosArgument(FirmwareKind kind, string bios)
    {
        var options = new BootOptions { Executable = "payload.elf", Arch = TargetArch.RiscV64, Firmware = kind, FirmwareElf = "/some/Firmware.elf" };
        var args = Machine.QemuArguments(options, interactive: false);
        Assert.Equal(["-bios", bios], args.Skip(args.IndexOf("-bios")).Take(2));
        Assert.Single(args, a => a == "-bios");
    }

    [Fact]
    public void WithoutAChoiceTheQemuCommandLineIsTodays()
    {
        var request = BootCommandLine.Parse([], Repo, "kernel.elf", TargetArch.RiscV64);
        Assert.Null(request.Options.Firmware);
        var args = Machine.QemuArguments(request.Options, interactive: false);
        Assert.Equal(["-machine", "virt", "-bios", "none"], args.Take(4));
    }

    [Theory]
    [InlineData("none", FirmwareKind.None)]
    [InlineData("opensbi", FirmwareKind.OpenSbi)]
    [InlineData("own", FirmwareKind.Own)]
    public void TheOptionNamesTheFirmware(string value, FirmwareKind expected)
    {
        var request = BootCommandLine.Parse(["--firmware", value], Repo, "payload.elf", TargetArch.RiscV64);
        Assert.Equal(expected, request.Options.Firmware);
        Assert.Null(request.Options.FirmwareElf);
    }

    [Theory]
    [InlineData("uefi", "--firmware expects none, opensbi, own or a firmware ELF file, not 'uefi'")]
    [InlineData("missing.elf", "--firmware missing.elf: no such file")]
    public void AnUnknownFirmwareIsRefused(string value, string message)
    {
        var e = Assert.Throws<LauncherException>(() => BootCommandLine.Parse(
            ["--firmware", value], Repo, "payload.elf", TargetArch.RiscV64));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void OpenSbiOnRv32IsRefused()
    {
        var e = Assert.Throws<LauncherException>(() => Firmwares.Check(FirmwareKind.OpenSbi, TargetArch.RiscV32, 0x8020_0000, "payload.elf"));
        Assert.Contains("ships no 32-bit OpenSBI", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFirmwareUnderAnMModeProgramIsRefused()
    {
        var e = Assert.Throws<LauncherException>(() => Firmwares.Check(FirmwareKind.Own, TargetArch.RiscV64, 0x8000_0000, "hello.elf"));
        Assert.Equal("hello.elf starts at 0x80000000, inside the firmware's memory: an S-mode program for SBI firmware is linked at 0x80200000 (docs/abi.md); an M-mode program boots with --firmware none", e.Message);
    }

    /// <summary>The kernel is an S-mode payload (issue 9): <c>./run.sh --firmware own</c> boots it under rvcsbi.</summary>
    [Fact]
    public void TheKernelBootsUnderTheOwnFirmware()
    {
        var run = PayloadBoot.RunLauncher(["--firmware", "own", "--no-disk"], TimeSpan.FromMinutes(5));
        string stdout = Encoding.Latin1.GetString(run.Stdout);
        Assert.True(run.ExitCode == 1, $"expected status 1 (no disk), got {run.ExitCode}\n{stdout}\n{run.Stderr}");
        Assert.Contains("firmware: rvcsbi ", stdout, StringComparison.Ordinal);
        Assert.Contains("virtio-blk: no device found", stdout, StringComparison.Ordinal);
    }
}
