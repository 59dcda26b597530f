using System.Text.RegularExpressions;

namespace Rvc.Kernel.Tests;

/// <summary>Issue 13's boot-log test of DISCARD, WRITE_ZEROES and CONFIG_WCE through the kernel shell under QEMU (its
/// drives have discard=unmap), checked on the host's copy of the image after QEMU exits: the zeroed ranges read as
/// zeroes, sectors written around them hold what was written, everything else is the pattern it started with. A
/// discarded range is unspecified by the specification (5.2.6.1: the driver MUST NOT assume anything about it): each of
/// its sectors must be the pattern or zeroes (QEMU 7.2 punches a hole in a raw file where the file system can), never
/// anything else. The cache mode is switched and read back in the same boot; FLUSH works in writethrough mode. Malformed
/// ranges get the usage or name the bad argument, and touch no sector.</summary>
public class DiscardZeroTests
{
    private const int Sectors = 64;

    private static readonly string[] Commands =
    [
        "blk list",
        "blk write blk0 9 inside",
        "blk zero blk0 8 4",
        "blk zero blk0 20 3 unmap",
        "blk write blk0 30 after",
        "blk discard blk0 40 8",
        "blk discard blk0 60 8",
        "blk zero blk0 64 1",
        "blk zero blk1 0 1",
        "blk discard blk1 0 1",
        "blk discard blk0 40",
        "blk discard blk0 40 8 unmap",
        "blk zero blk0 8 4 trim",
        "blk zero blk0 8 4 unmap more",
        "blk zero nosuch 0 1",
        "blk discard blk0 x1 1",
        "blk zero blk0 1 0",
        "blk cache blk0",
        "blk cache blk0 writethrough",
        "blk cache blk0",
        "blk write blk0 50 through",
        "blk flush blk0",
        "blk cache blk0 writeback",
        "blk cache blk0",
        "poweroff",
    ];

    [Theory]
    [InlineData("rv32", "legacy", "poll")]
    [InlineData("rv64", "modern", "irq")]
    public void ZeroedRangesReadAsZeroesOnTheHostAndTheRestIsUnchanged(string arch, string transport, string completion)
    {
        byte[] pattern = DiskImages.Pattern(Sectors);
        string disk = DiskImages.Create(nameof(ZeroedRangesReadAsZeroesOnTheHostAndTheRestIsUnchanged), $"{arch}-{transport}", pattern);
        string readOnly = DiskImages.CreateBeside(disk, "ro.img", DiskImages.Pattern(8));
        string readOnlyBefore = DiskImages.Sha256(readOnly);

        var boot = KernelBoot.BootWithInput(arch, ShellSession.Input(Commands),
            "--disk", disk, "--disk", readOnly + ":ro", "--transport", transport, "--completion", completion, "--kernel-shell");

        BootAssert.ExitedWith(0, boot);
        var replies = ShellSession.Expect(boot, Commands);
        var features = new Regex(@"^blk0: discard max \d+ sectors x \d+ segments?, alignment \d+; write-zeroes max \d+ sectors x \d+ segments?, (may unmap|never unmaps); cache writeback, switchable$");
        Assert.True(replies[0].Count == 4 && features.IsMatch(replies[0][1]),
            $"'blk list' should give blk0's feature line matching {features}\n{string.Join('\n', replies[0])}\n{boot.Describe()}");
        string[] expected =
        [
            null!,
            "blk0: wrote sector 9: 6 bytes of text, then NUL bytes",
            "blk0: zeroed 4 sectors from sector 8",
            "blk0: zeroed 3 sectors from sector 20 (unmap allowed)",
            "blk0: wrote sector 30: 5 bytes of text, then NUL bytes",
            "blk0: discarded 8 sectors from sector 40",
            "blk0: error: sector out of range",
            "blk0: error: sector out of range",
            "blk1: error: disk is read-only",
            "blk1: error: disk is read-only",
            "usage: blk discard DEV BLOCK COUNT",
            "usage: blk discard DEV BLOCK COUNT",
            "usage: blk zero DEV BLOCK COUNT [unmap]",
            "usage: blk zero DEV BLOCK COUNT [unmap]",
            "blk: no device 'nosuch' (try blk list)",
            "blk: bad block number 'x1' (decimal, or hex with 0x)",
            "blk: bad count '0' (at least 1)",
            "blk0: cache writeback, switchable",
            "blk0: cache writethrough, switchable",
            "blk0: cache writethrough, switchable",
            "blk0: wrote sector 50: 7 bytes of text, then NUL bytes",
            "blk0: flushed",
            "blk0: cache writeback, switchable",
            "blk0: cache writeback, switchable",
            "powering off",
        ];
        for (int i = 1; i < Commands.Length; i++)
        {
            ShellSession.AssertReply([expected[i]], replies[i], Commands[i], boot);
        }

        // The host's bytes: zeroes where zeroed (the write to sector 9 came before the zeroing), the two writes, the
        // pattern everywhere else; the discarded sectors are the pattern or zeroes, each.
        byte[] actual = File.ReadAllBytes(disk);
        byte[] wanted = (byte[])pattern.Clone();
        Array.Clear(wanted, 8 * DiskImages.SectorSize, 4 * DiskImages.SectorSize);
        Array.Clear(wanted, 20 * DiskImages.SectorSize, 3 * DiskImages.SectorSize);
        Sector(wanted, 30, "after"u8);
        Sector(wanted, 50, "through"u8);
        AllowDiscarded(actual, pattern, wanted, 40, 8, boot);

        DiskImages.AssertContents(wanted, disk, boot);
        Assert.True(DiskImages.Sha256(readOnly) == readOnlyBefore, $"{readOnly} changed although attached read-only\n{boot.Describe()}");
        DiskImages.Discard(disk);
    }

    /// <summary>The same through the user shell (issue 10's U-mode shell) and the system calls blkzero, blkdiscard and
    /// blkcache (docs/abi.md): the kernel shell's replies, and the host's image checked the same way.</summary>
    [Theory]
    [InlineData("rv32", "irq")]
    [InlineData("rv64", "poll")]
    public void TheUserShellDoesTheSameThroughSystemCalls(string arch, string completion)
    {
        byte[] pattern = DiskImages.Pattern(Sectors);
        string disk = DiskImages.Create(nameof(TheUserShellDoesTheSameThroughSystemCalls), $"{arch}-{completion}", pattern);
        string[] commands =
        [
            "blk zero blk0 8 4", "blk zero blk0 20 3 unmap", "blk discard blk0 40 8", "blk discard blk0 60 8", "blk zero blk0 1 0",
            "blk cache blk0", "blk cache blk0 writethrough", "blk cache blk0", "blk flush blk0", "blk cache blk0 writeback", "exit",
        ];

        var boot = UserShell.Boot(arch, ShellSession.Input(commands), "--disk", disk, "--completion", completion);

        BootAssert.ExitedWith(0, boot);
        string[] expected =
        [
            "> blk zero blk0 8 4", "blk0: zeroed 4 sectors from sector 8",
            "> blk zero blk0 20 3 unmap", "blk0: zeroed 3 sectors from sector 20 (unmap allowed)",
            "> blk discard blk0 40 8", "blk0: discarded 8 sectors from sector 40",
            "> blk discard blk0 60 8", "blk0: error: sector out of range",
            "> blk zero blk0 1 0", "blk: bad count '0' (at least 1)",
            "> blk cache blk0", "blk0: cache writeback, switchable",
            "> blk cache blk0 writethrough", "blk0: cache writethrough, switchable",
            "> blk cache blk0", "blk0: cache writethrough, switchable",
            "> blk flush blk0", "blk0: flushed",
            "> blk cache blk0 writeback", "blk0: cache writeback, switchable",
            "> exit", "proc: pid 1 (shell) exited with status 0", UserShell.NoProcessLeft, "",
        ];
        var lines = UserShell.SessionLines(boot);
        Assert.True(lines.SequenceEqual(expected), $"the session was\n{string.Join('\n', lines)}\ninstead of\n{string.Join('\n', expected)}\n{boot.Describe()}");

        byte[] actual = File.ReadAllBytes(disk);
        byte[] wanted = (byte[])pattern.Clone();
        Array.Clear(wanted, 8 * DiskImages.SectorSize, 4 * DiskImages.SectorSize);
        Array.Clear(wanted, 20 * DiskImages.SectorSize, 3 * DiskImages.SectorSize);
        AllowDiscarded(actual, pattern, wanted, 40, 8, boot);
        DiskImages.AssertContents(wanted, disk, boot);
        DiskImages.Discard(disk);
    }

    /// <summary>Each discarded sector must be the pattern or zeroes (5.2.6.1: unspecified; QEMU: a hole where it can
    /// punch one); whichever it is goes into <paramref name="wanted"/>, so the rest of the image is compared exactly.</summary>
    private static void AllowDiscarded(byte[] actual, byte[] pattern, byte[] wanted, int first, int count, BootResult boot)
    {
        for (int s = first; s < first + count; s++)
        {
            var sector = actual.AsSpan(s * DiskImages.SectorSize, DiskImages.SectorSize);
            Assert.True(sector.IndexOfAnyExcept((byte)0) < 0 || sector.SequenceEqual(pattern.AsSpan(s * DiskImages.SectorSize, DiskImages.SectorSize)),
                $"discarded sector {s} is neither the pattern nor zeroes\n{boot.Describe()}");
            sector.CopyTo(wanted.AsSpan(s * DiskImages.SectorSize));
        }
    }

    /// <summary>Sector <paramref name="sector"/> of <paramref name="image"/> as <c>blk write</c> leaves it: the text, then NUL bytes.</summary>
    private static void Sector(byte[] image, int sector, ReadOnlySpan<byte> text)
    {
        var bytes = image.AsSpan(sector * DiskImages.SectorSize, DiskImages.SectorSize);
        bytes.Clear();
        text.CopyTo(bytes);
    }
}
