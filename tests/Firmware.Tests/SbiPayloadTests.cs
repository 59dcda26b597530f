using System.Text.RegularExpressions;

namespace Rvc.Firmware.Tests;

/// <summary>
/// The SBI test payload (firmware/payload/) booted under the own firmware on rv32 and rv64, and under QEMU's OpenSBI v1.1
/// on rv64, the reference no one here tuned: the payload prints one line per SBI call, and the own firmware's lines must
/// be OpenSBI's, but for those that legitimately differ (the SBI version and implementation, and DBCN, which SBI 1.0's
/// OpenSBI does not have). One class: the boots take turns rather than compete for the two cores.
/// </summary>
public sealed partial class SbiPayloadTests
{
    /// <summary>The payload reads two lines: how to end, then a line to echo. The leading empty line is for OpenSBI,
    /// which reads the UART's receive buffer once when it starts and so loses the first byte of piped input.</summary>
    private static string Input(string action) => $"\n{action}\nhello there\n";

    public static TheoryData<string> Arches => new() { "rv32", "rv64" };

    [Theory]
    [MemberData(nameof(Arches))]
    public void OwnFirmwarePrintsItsBannerThenEntersThePayloadInSMode(string arch)
    {
        var boot = PayloadBoot.Boot(arch, "own", Input("shutdown"));
        Assert.True(boot.ExitCode == 0, boot.Describe());
        Assert.Equal($"rvcsbi 0.1: SBI 2.0 firmware in C#, {arch}, hart 0", boot.Lines[0]);
        Assert.Matches(@"^rvcsbi: memory 0x80000000-0x87ffffff, firmware 0x80000000-0x801fffff \(PMP\), next 0x80200000 in S-mode, device tree 0x87e00000$", boot.Lines[1]);
        Assert.Equal("payload: S-mode, hart 0, device tree 0x87e00000", boot.Lines[2]);
    }

    [Theory]
    [MemberData(nameof(Arches))]
    public void EveryCallAnswersAsTheSpecificationSays(string arch)
    {
        var boot = PayloadBoot.Boot(arch, "own", Input("shutdown"));
        string[] expected =
        [
            "payload: S-mode, hart 0, device tree 0x87e00000",
            "payload: entry satp=0x0 sstatus.SIE=0",
            "sbi: spec version 2.0",
            "sbi: impl id 0x52564353 version 0x1",
            "sbi: probe base=1 time=1 srst=1 legacy set_timer=1 putchar=1 getchar=1 shutdown=1 unknown=0",
            "sbi: probe dbcn=1",
            // SBI_ERR_NOT_SUPPORTED for an unknown extension or function; SBI_ERR_INVALID_PARAM for a reserved reset
            // type or reason (the legacy call's one result is in a0 too).
            "sbi: unknown extension 0x12345678 -> error -2",
            "sbi: unknown legacy extension 0x09 -> -2",
            "sbi: base function 7 -> error -2",
            "sbi: time function 1 -> error -2",
            "sbi: srst function 1 -> error -2",
            "sbi: srst shutdown, reason 2 -> error -3",
            "sbi: srst type 3 -> error -3",
            // Printed by console_write itself, then its result: every byte written.
            "dbcn: console_write: bytes from S-mode memory",
            "dbcn: console_write -> error 0, 46 of 46 bytes written",
            "dbcn: console_write_byte: # -> error 0",
            // Buffers S-mode may not use: the firmware's memory (PMP), beyond 32 address bits, wrapping around.
            "dbcn: console_write from the firmware's memory -> error -3",
            "dbcn: console_write with base_addr_hi 1 -> error -3",
            "dbcn: console_write of 2 bytes from the last address (wraps around) -> error -3",
            "dbcn: function 3 -> error -2",
            "timer: set_timer(time + 10 ms) -> error 0, sip.STIP before: 0",
            "timer: sip.STIP after wfi: 1, time >= value: yes",
            "timer: set_timer(all ones) -> sip.STIP 0",
            "timer: legacy set_timer(time + 10 ms) -> 0",
            "timer: sip.STIP after wfi: 1, time >= value: yes",
            "input: line 1 (getchar): \"shutdown\"",
            "input: line 2: \"hello there\"",
            "payload: system_reset(0, 0)",
        ];
        Assert.True(boot.ExitCode == 0, boot.Describe());
        // The machine's own ids (QEMU's): their values are compared with OpenSBI's in OwnFirmwareAnswersAsOpenSbiDoes.
        var lines = boot.PayloadLines;
        Assert.Matches(@"^sbi: mvendorid 0x[0-9a-f]+ marchid 0x[0-9a-f]+ mimpid 0x[0-9a-f]+$", lines[4]);
        lines.RemoveAt(4);
        Assert.Equal(expected, lines);
    }

    [Theory]
    [MemberData(nameof(Arches))]
    public void OwnFirmwareAnswersAsOpenSbiDoes(string arch)
    {
        var reference = PayloadBoot.Boot("rv64", "opensbi", Input("shutdown"));
        var own = PayloadBoot.Boot(arch, "own", Input("shutdown"));
        Assert.True(reference.ExitCode == 0, reference.Describe());
        Assert.True(own.ExitCode == 0, own.Describe());
        Assert.Contains("OpenSBI v1.1", reference.Stdout, StringComparison.Ordinal);

        // Only the form: SBI 1.0 and OpenSBI's id and version there, SBI 2.0 and rvcsbi's here.
        foreach (var boot in new[] { reference, own })
        {
            Assert.Single(boot.PayloadLines, l => SpecVersionLine().IsMatch(l));
            Assert.Single(boot.PayloadLines, l => ImplIdLine().IsMatch(l));
        }

        // OpenSBI v1.1 has no DBCN (SBI 2.0): the payload says so and uses the legacy calls.
        Assert.Contains("sbi: probe dbcn=0", reference.PayloadLines);
        Assert.Contains("dbcn: not available; console_write_byte -> error -2", reference.PayloadLines);
        Assert.Contains("sbi: probe dbcn=1", own.PayloadLines);
        Assert.Equal(Comparable(reference), Comparable(own));
    }

    /// <summary>How each ending comes out: SRST and the legacy shutdown end QEMU with status 0 whatever the reason, as
    /// OpenSBI v1.1 does (docs/abi.md); <c>exit 42</c> writes sifive_test from S-mode; touching the firmware's memory or
    /// the CLINT is an access fault and an M-mode CSR an illegal instruction, each reaching the payload's S-mode trap
    /// vector (status 3).</summary>
    public static TheoryData<string, string, int> Endings()
    {
        var data = new TheoryData<string, string, int>();
        (string Action, int Status)[] endings =
        [
            ("shutdown", 0), ("fail", 0), ("reboot", 0), ("legacy-shutdown", 0), ("exit 42", 42),
            ("touch-firmware", 3), ("write-firmware", 3), ("touch-clint", 3), ("illegal", 3),
        ];
        foreach (string arch in new[] { "rv32", "rv64" })
        {
            foreach (var (action, status) in endings)
            {
                data.Add(arch, action, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Endings))]
    public void EndsAsUnderOpenSbi(string arch, string action, int status)
    {
        var reference = PayloadBoot.Boot("rv64", "opensbi", Input(action));
        var own = PayloadBoot.Boot(arch, "own", Input(action));
        Assert.True(reference.ExitCode == status, reference.Describe());
        Assert.True(own.ExitCode == status, own.Describe());
        Assert.Equal(reference.PayloadLines[^2..], own.PayloadLines[^2..]);
        if (status == 3)
        {
            Assert.Matches(@"^payload: trap: (load access fault scause=0x5|store/AMO access fault scause=0x7|illegal instruction scause=0x2) stval=0x[0-9a-f]+ sepc in payload: yes$", own.PayloadLines[^1]);
        }
    }

    [Theory]
    [MemberData(nameof(Arches))]
    public void WithoutAPayloadTheFirmwareSaysSoAndFails(string arch)
    {
        string qemu = arch == "rv32" ? "qemu-system-riscv32" : "qemu-system-riscv64";
        var run = ProcessRunner.Run(qemu, ["-machine", "virt", "-bios", PayloadBoot.FirmwareElf(arch), "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-no-reboot"], TimeSpan.FromSeconds(60), keepInputOpen: true);
        string stdout = System.Text.Encoding.Latin1.GetString(run.Stdout);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rvcsbi: no S-mode program at or above 0x80200000: give one with qemu -kernel FILE.elf", stdout, StringComparison.Ordinal);
    }

    /// <summary>The payload's lines less those that legitimately differ: the version and id lines, and DBCN's.</summary>
    private static List<string> Comparable(BootResult boot)
        => boot.PayloadLines.Where(l => !SpecVersionLine().IsMatch(l) && !ImplIdLine().IsMatch(l)
                                        && !l.StartsWith("dbcn:", StringComparison.Ordinal) && !l.StartsWith("sbi: probe dbcn=", StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"^sbi: spec version [0-9]+\.[0-9]+$")]
    private static partial Regex SpecVersionLine();

    [GeneratedRegex(@"^sbi: impl id 0x[0-9a-f]+ version 0x[0-9a-f]+$")]
    private static partial Regex ImplIdLine();
}
