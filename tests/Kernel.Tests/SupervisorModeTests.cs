using System.Globalization;
using System.Text.RegularExpressions;

namespace Rvc.Kernel.Tests;

// Issue 9: the kernel in S-mode under SBI firmware with the MMU on. The banner names the firmware and the paging
// mode; the fault= test modes break the page tables' rules on purpose and must end in a panic that names the cause
// (privileged specification table 4.2), the faulting address (stval) and the pc (sepc), with a non-zero status.

public partial class SupervisorModeTests
{
    [Theory]
    [InlineData("rv32", "Sv32")]
    [InlineData("rv64", "Sv39")]
    public void BannerNamesTheFirmwareAndThePagingMode(string arch, string mode)
    {
        string disk = DiskImages.CopyOfLorem(nameof(BannerNamesTheFirmwareAndThePagingMode), arch);
        var boot = KernelBoot.Boot(arch, "--disk", disk, "--append", "demo=off");

        BootAssert.ExitedWith(0, boot);
        Assert.True(boot.Lines.Any(l => FirmwareLine().IsMatch(l)), $"no 'firmware: NAME VERSION, SBI M.N, console ...' line\n{boot.Describe()}");
        BootAssert.HasLineStartingWith($"paging: {mode}, ", boot, endingWith: " KiB of page tables");
        DiskImages.Discard(disk);
    }

    /// <summary>Under QEMU's OpenSBI (rv64's default firmware) the banner says so.</summary>
    [Fact]
    public void Rv64BootsUnderOpenSbi()
    {
        var boot = KernelBoot.Boot("rv64", "--no-disk");

        BootAssert.FailedCleanly(boot);
        Assert.Equal(1, boot.ExitCode);
        BootAssert.HasLineStartingWith("firmware: OpenSBI ", boot);
        BootAssert.HasLine("virtio-blk: no device found", boot);
    }

    public static TheoryData<string, string, string> Faults => new()
    {
        { "rv32", "unmapped", "load page fault" },
        { "rv64", "unmapped", "load page fault" },
        { "rv32", "exec-data", "instruction page fault" },
        { "rv64", "exec-data", "instruction page fault" },
        { "rv32", "write-text", "store/AMO page fault" },
        { "rv64", "write-text", "store/AMO page fault" },
    };

    /// <summary>
    /// The kernel says which address it is about to misuse (<c>fault: ... at 0x...</c>); the panic must name the
    /// cause, that address as stval, and a pc: for a jump into a data page the pc is that page; otherwise a pc in
    /// the kernel's text, which the launcher names from the ELF's symbols, and the C# frames of the faulting statement
    /// and its caller, each at the line of its source text. The status is the panic's, 134.
    /// </summary>
    [Theory]
    [MemberData(nameof(Faults))]
    public void AFaultEndsInAPanicNamingCauseAddressAndPc(string arch, string fault, string cause)
    {
        var boot = KernelBoot.Boot(arch, "--no-disk", "--append", $"fault={fault}");

        BootAssert.ExitedWith(134, boot);
        string announced = boot.Lines.Single(l => l.StartsWith("fault: ", StringComparison.Ordinal));
        ulong address = ulong.Parse(announced[(announced.LastIndexOf("0x", StringComparison.Ordinal) + 2)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var panic = boot.Lines.Select(l => PanicLine().Match(l)).SingleOrDefault(m => m.Success);
        Assert.True(panic is not null, $"no panic line\n{boot.Describe()}");
        Assert.Equal(cause, panic.Groups["cause"].Value);
        Assert.Equal(address, Hex(panic.Groups["stval"].Value));
        ulong sepc = Hex(panic.Groups["sepc"].Value);
        if (fault == "exec-data")
        {
            Assert.Equal(address, sepc);
        }
        else
        {
            Assert.True(sepc >= 0x8020_0000, $"sepc 0x{sepc:x} is not in the kernel\n{boot.Describe()}");
            Assert.Contains($"launcher: sepc 0x{sepc:x} is in ", boot.Stderr, StringComparison.Ordinal);

            // The C# frames (docs/abi.md, "Stack traces"): the faulting statement, then the call of the test mode.
            string faultTest = Path.Combine(RepoPaths.Root, "kernel", "Boot", "FaultTest.cs");
            string program = Path.Combine(RepoPaths.Root, "kernel", "Program.cs");
            string statement = fault == "unmapped" ? "Volatile.Read(ref *(nuint*)layout.StackGuard);" : "Volatile.Write(ref *(uint*)layout.TextStart, Ret);";
            BootAssert.HasLineStartingWith("   at 0x", boot);
            string stack = boot.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.Contains("launcher: the panic's stack, from Kernel.elf's debug information:\n"
                + $"   at Kernel.Boot.FaultTest.Run(Kernel.Boot.FaultKind,Kernel.Memory.KernelLayout&) in {faultTest}:line {LineOf(faultTest, statement)}\n"
                + $"   at Kernel.Program.Main() in {program}:line {LineOf(program, "FaultTest.Run(options.Fault, layout);")}\n", stack, StringComparison.Ordinal);
        }

        BootAssert.HasLine("poweroff: status 134", boot);
        BootAssert.HasNoLineStartingWith("fault: error", boot);
    }

    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void ABadFaultValueIsACommandLineError(string arch)
    {
        var boot = KernelBoot.Boot(arch, "--no-disk", "--append", "fault=everything");

        BootAssert.ExitedWith(1, boot);
        Assert.True(boot.Lines.Any(l => l.StartsWith("cmdline: error: ", StringComparison.Ordinal) && l.Contains("fault", StringComparison.Ordinal)),
            $"no cmdline error\n{boot.Describe()}");
        BootAssert.HasNoLineStartingWith("panic:", boot);
    }

    /// <summary>The 1-based line of the one line of <paramref name="source"/> that contains <paramref name="text"/>.</summary>
    static int LineOf(string source, string text)
    {
        var lines = File.ReadAllLines(source);
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"'{text}' is on {matches.Count} lines of {source}");
        return matches[0] + 1;
    }

    static ulong Hex(string digits) => ulong.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^firmware: \S.* \S+, SBI \d+\.\d+, console (legacy|DBCN)$")]
    private static partial Regex FirmwareLine();

    [GeneratedRegex(@"^panic: (?<cause>[A-Za-z/ ]+): scause=0x[0-9a-f]+ stval=0x(?<stval>[0-9a-f]+) sepc=0x(?<sepc>[0-9a-f]+) ")]
    private static partial Regex PanicLine();
}

/// <summary>
/// rv64 under the project's own firmware (<c>--firmware own</c>; the other rv64 boot tests run under QEMU's OpenSBI,
/// rv32's under the own firmware): the demo and its disk bytes, the shell, and the fill test with interrupts, so that
/// every SBI call the kernel makes (console out and in, set_timer, SRST) is used on both firmwares.
/// </summary>
public class OwnFirmwareRv64Tests
{
    [Fact]
    public void TheDemoWritesTheMessage()
    {
        byte[] original = File.ReadAllBytes(RepoPaths.Lorem);
        string disk = DiskImages.CopyOfLorem(nameof(OwnFirmwareRv64Tests) + "-demo", "rv64");

        var boot = KernelBoot.Boot("rv64", "--firmware", "own", "--disk", disk);

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLineStartingWith("firmware: rvcsbi ", boot);
        BootAssert.HasLine("virtio-blk: wrote sector 0: hello from kernel!!!", boot);
        DiskImages.AssertContents(DiskImages.AfterDemo(original), disk, boot);
        DiskImages.Discard(disk);
    }

    [Fact]
    public void TheShellReadsItsInputThroughTheFirmware()
    {
        string disk = DiskImages.CopyOfLorem(nameof(OwnFirmwareRv64Tests) + "-shell", "rv64");

        var boot = KernelBoot.BootWithInput("rv64", "blk id blk0\nnosuch\npoweroff\n", "--firmware", "own", "--disk", disk, "--kernel-shell", "--completion", "irq");

        BootAssert.ExitedWith(0, boot);
        var replies = ShellSession.Expect(boot, "blk id blk0", "nosuch", "poweroff");
        ShellSession.AssertReply(["blk0: id \"disk0\""], replies[0], "blk id blk0", boot);
        ShellSession.AssertReply(["unknown command: nosuch (try help)"], replies[1], "nosuch", boot);
        DiskImages.Discard(disk);
    }

    [Fact]
    public void TheFillTestWritesThePattern()
    {
        const long sectors = 8192;
        string disk = DiskImages.CreateSparse(nameof(OwnFirmwareRv64Tests) + "-fill", "rv64", sectors * DiskImages.SectorSize);

        var boot = KernelBoot.Boot("rv64", "--firmware", "own", "--disk", disk, "--completion", "irq", "--append", "blk.fill=77");

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLineStartingWith("blk: fill seed=77 sectors=8192 ", boot, endingWith: " verified=ok");
        DiskImages.AssertFilled(disk, 77, sectors, boot);
        DiskImages.Discard(disk);
    }

    /// <summary>A panic under the own firmware: its status too reaches the launcher through the console.</summary>
    [Fact]
    public void AFaultEndsWithThePanicStatus()
    {
        var boot = KernelBoot.Boot("rv64", "--firmware", "own", "--no-disk", "--append", "fault=unmapped");

        BootAssert.ExitedWith(134, boot);
        BootAssert.HasLineStartingWith("panic: load page fault: ", boot);
    }
}
