using System.Globalization;
using System.Text.RegularExpressions;

namespace Rvc.Kernel.Tests;

// The "Operating System in 1000 Lines" Disk I/O chapter: the kernel finds the virtio-blk device, prints its capacity
// and sector 0, and writes a message back to sector 0; its command line (the launcher's --append) asks for CRC-32s of
// sectors, for one sector, or for no write. Each scenario is a class of its own so that xunit runs them side by side;
// each boot has its own disk file.

/// <summary>Things every boot-log test checks.</summary>
internal static class BootAssert
{
    /// <summary>The kernel exited by itself (not stopped by the launcher's time limit nor by the tests' guard).</summary>
    public static void Finished(BootResult boot)
    {
        Assert.False(boot.TimedOut, $"the launcher did not finish\n{boot.Describe()}");
        Assert.True(boot.ExitCode != 124, $"the boot hit the launcher's time limit ({KernelBoot.BootTimeoutSeconds} s)\n{boot.Describe()}");
    }

    public static void ExitedWith(int status, BootResult boot)
    {
        Finished(boot);
        Assert.True(boot.ExitCode == status, $"expected exit status {status}, got {boot.ExitCode}\n{boot.Describe()}");
    }

    /// <summary>A clean failure: a non-zero status from the kernel itself, not a panic (134) nor a time-out.</summary>
    public static void FailedCleanly(BootResult boot)
    {
        Finished(boot);
        Assert.True(boot.ExitCode != 0, $"expected a non-zero exit status\n{boot.Describe()}");
        Assert.True(!boot.Lines.Any(l => l.StartsWith("panic:", StringComparison.Ordinal)), $"the kernel panicked instead of reporting the error\n{boot.Describe()}");
    }

    public static void HasLine(string line, BootResult boot)
        => Assert.True(boot.Lines.Contains(line), $"no line '{line}' in the output\n{boot.Describe()}");

    /// <summary>A line starts with <paramref name="prefix"/> (and ends with <paramref name="endingWith"/>, when
    /// given): for lines with a part that varies from run to run.</summary>
    public static void HasLineStartingWith(string prefix, BootResult boot, string? endingWith = null)
        => Assert.True(boot.Lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal)
                && (endingWith is null || l.EndsWith(endingWith, StringComparison.Ordinal))),
            $"no line starting '{prefix}'{(endingWith is null ? "" : $" and ending '{endingWith}'")}\n{boot.Describe()}");

    /// <summary>Exactly one line starts with <paramref name="prefix"/>; returns it.</summary>
    public static string SingleLineStartingWith(string prefix, BootResult boot)
    {
        var lines = boot.Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected one line starting '{prefix}', found {lines.Count}\n{boot.Describe()}");
        return lines[0];
    }

    public static void HasNoLineStartingWith(string prefix, BootResult boot)
        => Assert.True(!boot.Lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal)), $"unexpected line starting '{prefix}'\n{boot.Describe()}");

    public static string CapacityLine(long bytes) => $"virtio-blk: capacity is {bytes.ToString(CultureInfo.InvariantCulture)} bytes";
}

public class DemoTests
{
    /// <summary>The chapter's demo on a copy of lorem.txt: capacity, sector 0's text, then the message written back.</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void PrintsSectorZeroAndWritesTheMessage(string arch)
    {
        byte[] original = File.ReadAllBytes(RepoPaths.Lorem);
        string disk = DiskImages.CopyOfLorem(nameof(PrintsSectorZeroAndWritesTheMessage), arch);

        var boot = KernelBoot.Boot(arch, "--disk", disk);

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLine(BootAssert.CapacityLine(original.Length), boot);
        // The text may span lines in general, so this is a substring check; the newline after it shows where it stopped.
        string firstSector = "first sector: " + DiskImages.FirstSectorText(original) + "\n";
        Assert.True(boot.Stdout.Contains(firstSector, StringComparison.Ordinal), $"expected the output to contain\n{firstSector}\n{boot.Describe()}");
        DiskImages.AssertContents(DiskImages.AfterDemo(original), disk, boot);
        DiskImages.Discard(disk);
    }

    /// <summary>The same demo on the packed virtqueue (<c>--ring packed --transport modern</c>), and with
    /// <c>blk.ring=split</c> the kernel declines the packed ring the device offers: the same bytes either way.</summary>
    [Theory]
    [InlineData("rv32", "packed")]
    [InlineData("rv64", "packed")]
    [InlineData("rv64", "declined")]
    public void TheDemoRunsOnThePackedRing(string arch, string ring)
    {
        byte[] original = File.ReadAllBytes(RepoPaths.Lorem);
        string disk = DiskImages.CopyOfLorem(nameof(TheDemoRunsOnThePackedRing), arch + ring);

        var boot = ring == "packed"
            ? KernelBoot.Boot(arch, "--disk", disk, "--transport", "modern", "--ring", "packed")
            : KernelBoot.Boot(arch, "--disk", disk, "--transport", "modern", "--append", "blk.ring=split", "--",
                "-global", "virtio-blk-device.packed=on");

        BootAssert.ExitedWith(0, boot);
        string banner = $"blk0: {original.Length} bytes, block 512, rw, serial \"disk0\"";
        BootAssert.HasLine(ring == "packed" ? banner + ", packed ring" : banner, boot);
        string firstSector = "first sector: " + DiskImages.FirstSectorText(original) + "\n";
        Assert.True(boot.Stdout.Contains(firstSector, StringComparison.Ordinal), $"expected the output to contain\n{firstSector}\n{boot.Describe()}");
        DiskImages.AssertContents(DiskImages.AfterDemo(original), disk, boot);
        DiskImages.Discard(disk);
    }

    /// <summary><c>demo=off</c>: everything but the write.</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void DemoOffLeavesTheDiskAlone(string arch)
    {
        byte[] original = File.ReadAllBytes(RepoPaths.Lorem);
        string disk = DiskImages.CopyOfLorem(nameof(DemoOffLeavesTheDiskAlone), arch);

        var boot = KernelBoot.Boot(arch, "--disk", disk, "--append", "demo=off");

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLine(BootAssert.CapacityLine(original.Length), boot);
        DiskImages.AssertContents(original, disk, boot);
        DiskImages.Discard(disk);
    }
}

public class ChecksumTests
{
    private const int Sectors = 2048; // 1 MiB
    private static readonly Regex ChecksumLine = new(@"^blk: sector (\d+) crc32 0x([0-9a-f]{8})$", RegexOptions.CultureInvariant);

    /// <summary>
    /// <c>blk.checksum=S1,S2,...</c> on 1 MiB of a known pattern: one line per sector with the CRC-32 of its 512 bytes,
    /// which must be the CRC-32 computed here from the file; the image is left as it was (no demo write).
    /// </summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void PrintsTheCrc32OfEachSector(string arch)
    {
        byte[] image = DiskImages.Pattern(Sectors);
        string disk = DiskImages.Create(nameof(PrintsTheCrc32OfEachSector), arch, image);
        // The first and the last sector, and some in between chosen by a seeded generator.
        var random = new Random(20240603);
        var sectors = new List<int> { 0, Sectors - 1 };
        while (sectors.Count < 8)
        {
            int s = random.Next(1, Sectors - 1);
            if (!sectors.Contains(s))
            {
                sectors.Add(s);
            }
        }

        var boot = KernelBoot.Boot(arch, "--disk", disk, "--append", "blk.checksum=" + string.Join(',', sectors));

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLine(BootAssert.CapacityLine(image.Length), boot);
        var printed = boot.Lines.Select(l => ChecksumLine.Match(l)).Where(m => m.Success)
            .Select(m => (Sector: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Crc: m.Groups[2].Value))
            .ToList();
        Assert.True(printed.Count == sectors.Count, $"expected {sectors.Count} lines 'blk: sector S crc32 0xXXXXXXXX' (sectors {string.Join(',', sectors)}), found {printed.Count}\n{boot.Describe()}");
        foreach (int sector in sectors)
        {
            string expected = Crc32.HashToUInt32(image.AsSpan(sector * DiskImages.SectorSize, DiskImages.SectorSize)).ToString("x8", CultureInfo.InvariantCulture);
            var lines = printed.Where(p => p.Sector == sector).ToList();
            Assert.True(lines.Count == 1, $"expected one checksum line for sector {sector}, found {lines.Count}\n{boot.Describe()}");
            Assert.True(lines[0].Crc == expected, $"sector {sector}: the kernel printed crc32 0x{lines[0].Crc}, the file's is 0x{expected}\n{boot.Describe()}");
        }

        DiskImages.AssertContents(image, disk, boot);
        DiskImages.Discard(disk);
    }
}

public class NoDiskTests
{
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void SaysSoAndFails(string arch)
    {
        var boot = KernelBoot.Boot(arch, "--no-disk");

        BootAssert.FailedCleanly(boot);
        BootAssert.HasLine("virtio-blk: no device found", boot);
    }
}

public class OutOfRangeTests
{
    /// <summary><c>blk.read=</c> the first sector past the end (lorem.txt has 2): an error line, a non-zero status,
    /// and the image untouched.</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void ReadingPastTheEndFails(string arch)
    {
        byte[] original = File.ReadAllBytes(RepoPaths.Lorem);
        string disk = DiskImages.CopyOfLorem(nameof(ReadingPastTheEndFails), arch);
        int pastTheEnd = original.Length / DiskImages.SectorSize;

        var boot = KernelBoot.Boot(arch, "--disk", disk, "--append", $"blk.read={pastTheEnd}");

        BootAssert.FailedCleanly(boot);
        BootAssert.HasLineStartingWith("virtio-blk: error:", boot);
        DiskImages.AssertContents(original, disk, boot);
        DiskImages.Discard(disk);
    }
}

public class DefaultDiskTests
{
    /// <summary>Without --disk the launcher attaches a fresh copy of lorem.txt: the demo runs on it, and the
    /// repository's lorem.txt stays as it was.</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void BootsOnAFreshCopyOfLorem(string arch)
    {
        byte[] before = File.ReadAllBytes(RepoPaths.Lorem);

        var boot = KernelBoot.Boot(arch);

        BootAssert.ExitedWith(0, boot);
        string firstSector = "first sector: " + DiskImages.FirstSectorText(before) + "\n";
        Assert.True(boot.Stdout.Contains(firstSector, StringComparison.Ordinal), $"expected the output to contain\n{firstSector}\n{boot.Describe()}");
        DiskImages.AssertContents(before, RepoPaths.Lorem, boot);
    }
}
