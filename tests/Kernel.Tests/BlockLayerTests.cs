using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rvc.Kernel.Tests;

// Issue 4's boot-log tests of the block layer: several disks, a read-only disk, the shell driven through QEMU's
// standard input, and polling against interrupts. Each runs on rv32 and rv64, on the legacy and the modern virtio-mmio
// transport; each boot has its own disk files.

/// <summary>The shell's side of a boot: what followed each <c>"> "</c> prompt (the command, echoed by the line
/// editor) and the lines it printed before the next prompt.</summary>
internal sealed record ShellExchange(string Command, List<string> Reply);

internal static class ShellSession
{
    public const string Greeting = "shell: type help for the commands";

    /// <summary>The exchanges after the shell's greeting, in order.</summary>
    public static List<ShellExchange> Parse(BootResult boot)
    {
        var lines = boot.Lines.ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);   // after the last newline
        }

        int start = lines.IndexOf(Greeting);
        Assert.True(start >= 0, $"the shell did not start: no line '{Greeting}'\n{boot.Describe()}");
        var exchanges = new List<ShellExchange>();
        foreach (string line in lines.Skip(start + 1))
        {
            if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                exchanges.Add(new ShellExchange(line[2..], []));
            }
            else
            {
                Assert.True(exchanges.Count > 0, $"output before the first prompt: '{line}'\n{boot.Describe()}");
                exchanges[^1].Reply.Add(line);
            }
        }

        return exchanges;
    }

    /// <summary>Asserts that the commands echoed are <paramref name="commands"/>, in order, and returns the replies.</summary>
    public static List<List<string>> Expect(BootResult boot, params string[] commands)
    {
        var exchanges = Parse(boot);
        Assert.True(exchanges.Select(e => e.Command).SequenceEqual(commands),
            $"expected the prompts to echo [{string.Join(" | ", commands)}], found [{string.Join(" | ", exchanges.Select(e => e.Command))}]\n{boot.Describe()}");
        return exchanges.Select(e => e.Reply).ToList();
    }

    public static void AssertReply(IReadOnlyList<string> expected, List<string> actual, string command, BootResult boot)
        => Assert.True(actual.SequenceEqual(expected),
            $"'{command}' replied\n{string.Join('\n', actual)}\ninstead of\n{string.Join('\n', expected)}\n{boot.Describe()}");

    /// <summary>The shell's standard input: each command followed by a newline.</summary>
    public static string Input(params string[] commands) => string.Concat(commands.Select(c => c + "\n"));

    /// <summary><paramref name="bytes"/> as <c>blk read</c> dumps them (hexdump -C's layout, no line collapsed), the
    /// first at byte <paramref name="offset"/> of the disk.</summary>
    public static List<string> HexDump(ReadOnlySpan<byte> bytes, long offset)
    {
        var lines = new List<string>();
        for (int at = 0; at < bytes.Length; at += 16)
        {
            var line = new StringBuilder();
            line.Append((offset + at).ToString("x8", CultureInfo.InvariantCulture)).Append(' ');
            for (int i = 0; i < 16; i++)
            {
                line.Append(i == 8 ? "  " : " ").Append(bytes[at + i].ToString("x2", CultureInfo.InvariantCulture));
            }

            line.Append("  |");
            for (int i = 0; i < 16; i++)
            {
                byte b = bytes[at + i];
                line.Append(b >= 0x20 && b < 0x7F ? (char)b : '.');
            }

            lines.Add(line.Append('|').ToString());
        }

        return lines;
    }
}

/// <summary>The transports a test runs on: <c>--transport</c>'s values and what the kernel's probe line says.</summary>
internal static class Transports
{
    public static string ProbeLine(int slot, string transport)
        => $"virtio-mmio@0x{0x10001000 + 0x1000 * slot:x}: block device ({transport}, version {(transport == "modern" ? 2 : 1)}), irq {slot + 1}";

    public static string BannerLine(int number, long bytes, bool readOnly)
        => $"blk{number}: {bytes.ToString(CultureInfo.InvariantCulture)} bytes, block 512, {(readOnly ? "ro" : "rw")}, serial \"disk{number}\"";

    public const string PollingLine = "blk: completion by polling";
    public const string InterruptLine = "blk: completion by interrupt (plic@0xc000000, S-mode context 1)";
}

public class TwoDisksTests
{
    /// <summary><c>--disk a --disk b</c>, of different sizes: both probed, in slot order, and listed as blk0 and blk1
    /// with their capacities (the files' lengths) and serials disk0 and disk1. <c>demo=off</c>: neither file changes.</summary>
    [Theory]
    [InlineData("rv32", "legacy")]
    [InlineData("rv32", "modern")]
    [InlineData("rv64", "legacy")]
    [InlineData("rv64", "modern")]
    public void BothAreListedWithTheirCapacityAndSerial(string arch, string transport)
    {
        byte[] first = DiskImages.Pattern(4096);   // 2 MiB
        byte[] second = DiskImages.Pattern(72);    // 36 KiB
        string a = DiskImages.Create(nameof(BothAreListedWithTheirCapacityAndSerial), $"{arch}-{transport}", first);
        string b = DiskImages.CreateBeside(a, "b.img", second);

        var boot = KernelBoot.Boot(arch, "--disk", a, "--disk", b, "--transport", transport, "--append", "demo=off");

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLine(Transports.ProbeLine(0, transport), boot);
        BootAssert.HasLine(Transports.ProbeLine(1, transport), boot);
        BootAssert.HasLine(Transports.BannerLine(0, new FileInfo(a).Length, readOnly: false), boot);
        BootAssert.HasLine(Transports.BannerLine(1, new FileInfo(b).Length, readOnly: false), boot);
        var lines = boot.Lines.ToList();
        Assert.True(lines.IndexOf(Transports.BannerLine(0, first.Length, false)) < lines.IndexOf(Transports.BannerLine(1, second.Length, false)),
            $"blk0 should be listed before blk1\n{boot.Describe()}");
        BootAssert.HasNoLineStartingWith("blk2:", boot);
        BootAssert.HasNoLineStartingWith("virtio-blk: error:", boot);
        // The test modes and the demo work on blk0: its capacity, not blk1's.
        BootAssert.HasLine(BootAssert.CapacityLine(first.Length), boot);
        DiskImages.AssertContents(first, a, boot);
        DiskImages.AssertContents(second, b, boot);
        DiskImages.Discard(a);
    }
}

public class ReadOnlyDiskTests
{
    /// <summary><c>--disk a --disk b:ro --kernel-shell</c>, the shell told to write to blk1: the driver refuses with the clear
    /// error before the device is asked, poweroff ends the boot with status 0, and b's bytes are what they were.</summary>
    [Theory]
    [InlineData("rv32", "legacy")]
    [InlineData("rv32", "modern")]
    [InlineData("rv64", "legacy")]
    [InlineData("rv64", "modern")]
    public void TheWriteFailsWithAClearErrorAndTheFileIsUnchanged(string arch, string transport)
    {
        string a = DiskImages.CopyOfLorem(nameof(TheWriteFailsWithAClearErrorAndTheFileIsUnchanged), $"{arch}-{transport}");
        byte[] lorem = File.ReadAllBytes(a);
        string b = DiskImages.CreateBeside(a, "b.img", DiskImages.Pattern(8));
        string before = DiskImages.Sha256(b);

        var boot = KernelBoot.BootWithInput(arch, ShellSession.Input("blk write blk1 0 hi", "poweroff"),
            "--disk", a, "--disk", b + ":ro", "--transport", transport, "--kernel-shell");

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLine(Transports.BannerLine(0, lorem.Length, readOnly: false), boot);
        BootAssert.HasLine(Transports.BannerLine(1, 8 * DiskImages.SectorSize, readOnly: true), boot);
        var replies = ShellSession.Expect(boot, "blk write blk1 0 hi", "poweroff");
        ShellSession.AssertReply(["blk1: error: disk is read-only"], replies[0], "blk write blk1 0 hi", boot);
        ShellSession.AssertReply(["powering off"], replies[1], "poweroff", boot);
        Assert.True(DiskImages.Sha256(b) == before, $"{b} changed although attached read-only\n{boot.Describe()}");
        DiskImages.AssertContents(lorem, a, boot);
        DiskImages.Discard(a);
    }
}

public class ShellTests
{
    private static readonly string[] Commands =
    [
        "help",
        "blk list",
        "blk write blk0 1 hello",
        "blk read blk0 1 1",
        "blk id blk0",
        "blk flush blk0",
        "frobnicate now",
        "poweroff",
    ];

    /// <summary>A session through QEMU's standard input (the launcher's <c>--kernel-shell</c>, <c>--queue-size 64</c>): every
    /// command's reply, then the image: sector 1 is <c>hello</c> and NUL bytes, sector 0 lorem.txt's.</summary>
    [Theory]
    [InlineData("rv32", "legacy", "poll")]
    [InlineData("rv32", "modern", "irq")]
    [InlineData("rv64", "legacy", "irq")]
    [InlineData("rv64", "modern", "poll")]
    public void RepliesToEachCommand(string arch, string transport, string completion)
    {
        string disk = DiskImages.CopyOfLorem(nameof(RepliesToEachCommand), $"{arch}-{transport}-{completion}");
        byte[] lorem = File.ReadAllBytes(disk);

        var boot = KernelBoot.BootWithInput(arch, ShellSession.Input(Commands),
            "--disk", disk, "--transport", transport, "--completion", completion, "--queue-size", "64", "--kernel-shell");

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLine(completion == "irq" ? Transports.InterruptLine : Transports.PollingLine, boot);
        var replies = ShellSession.Expect(boot, Commands);

        // help: the command list, whatever its wording.
        var help = replies[0];
        Assert.True(help.Count > 0 && help[0] == "commands:", $"help should start with 'commands:'\n{boot.Describe()}");
        foreach (string command in new[] { "help", "blk list", "blk read DEV BLOCK [COUNT]", "blk write DEV BLOCK TEXT", "blk flush DEV", "blk id DEV", "poweroff" })
        {
            Assert.True(help.Any(l => l.StartsWith("  " + command + " ", StringComparison.Ordinal)), $"help does not list '{command}'\n{boot.Describe()}");
        }

        // blk list: the banner's line, then where the device is, its queue (--queue-size) and how it waited.
        string waits = completion == "irq" ? @"interrupts \(\d+ claimed in \d+ waits\)" : @"polling \(\d+ polls\)";
        var list = new Regex("^" + Regex.Escape(Transports.BannerLine(0, lorem.Length, readOnly: false)
            + $"; 2 sectors, virtio-mmio@0x10001000 ({transport}, slot 0, irq 1), split queue 64, ") + waits + "$", RegexOptions.CultureInvariant);
        Assert.True(replies[1].Count == 2 && list.IsMatch(replies[1][0]), $"'blk list' replied\n{string.Join('\n', replies[1])}\nexpected a line matching {list}\n{boot.Describe()}");
        // Then what QEMU offers of discard, write zeroes and cache switching (it offers all three on both transports).
        Assert.True(replies[1][1].StartsWith("blk0: discard max ", StringComparison.Ordinal) && replies[1][1].EndsWith("; cache writeback, switchable", StringComparison.Ordinal),
            $"'blk list' should end with blk0's discard, write-zeroes and cache line\n{string.Join('\n', replies[1])}\n{boot.Describe()}");

        byte[] sector1 = new byte[DiskImages.SectorSize];
        "hello"u8.CopyTo(sector1);
        ShellSession.AssertReply(["blk0: wrote sector 1: 5 bytes of text, then NUL bytes"], replies[2], Commands[2], boot);
        ShellSession.AssertReply(ShellSession.HexDump(sector1, DiskImages.SectorSize), replies[3], Commands[3], boot);
        ShellSession.AssertReply(["blk0: id \"disk0\""], replies[4], Commands[4], boot);
        ShellSession.AssertReply(["blk0: flushed"], replies[5], Commands[5], boot);
        ShellSession.AssertReply(["unknown command: frobnicate (try help)"], replies[6], Commands[6], boot);
        ShellSession.AssertReply(["powering off"], replies[7], Commands[7], boot);

        byte[] expected = (byte[])lorem.Clone();
        sector1.CopyTo(expected, DiskImages.SectorSize);
        DiskImages.AssertContents(expected, disk, boot);
        DiskImages.Discard(disk);
    }
}

public class PollVsIrqTests
{
    private const int Sectors = 2048; // 1 MiB
    private static readonly int[] ChecksumSectors = [0, 1, 7, 8, 255, 256, 1000, 1023, 1024, 1500, 2046, 2047];

    /// <summary>The same image and <c>blk.checksum=</c> list booted with <c>--completion poll</c> and with
    /// <c>--completion irq</c>: the same checksum lines, each the CRC-32 of the file's sector; the image untouched.</summary>
    [Theory]
    [InlineData("rv32", "legacy")]
    [InlineData("rv32", "modern")]
    [InlineData("rv64", "legacy")]
    [InlineData("rv64", "modern")]
    public void GiveTheSameChecksums(string arch, string transport)
    {
        byte[] image = DiskImages.Pattern(Sectors);
        string disk = DiskImages.Create(nameof(GiveTheSameChecksums), $"{arch}-{transport}", image);
        string append = "blk.checksum=" + string.Join(',', ChecksumSectors);

        var poll = KernelBoot.Boot(arch, "--disk", disk, "--transport", transport, "--completion", "poll", "--append", append);
        var irq = KernelBoot.Boot(arch, "--disk", disk, "--transport", transport, "--completion", "irq", "--append", append);

        BootAssert.ExitedWith(0, poll);
        BootAssert.ExitedWith(0, irq);
        BootAssert.HasLine(Transports.PollingLine, poll);
        BootAssert.HasLine(Transports.InterruptLine, irq);
        var expected = ChecksumSectors.Select(s => $"blk: sector {s} crc32 0x{Crc32.HashToUInt32(image.AsSpan(s * DiskImages.SectorSize, DiskImages.SectorSize)):x8}").ToList();
        var fromPoll = poll.Lines.Where(l => l.Contains(" crc32 0x", StringComparison.Ordinal)).ToList();
        var fromIrq = irq.Lines.Where(l => l.Contains(" crc32 0x", StringComparison.Ordinal)).ToList();
        Assert.True(fromPoll.SequenceEqual(fromIrq), $"polling and interrupts gave different checksums\n{poll.Describe()}\n{irq.Describe()}");
        Assert.True(fromPoll.SequenceEqual(expected), $"expected\n{string.Join('\n', expected)}\n{poll.Describe()}");
        DiskImages.AssertContents(image, disk, irq);
        DiskImages.Discard(disk);
    }
}
