using System.Globalization;

namespace Rvc.Kernel.Tests;

/// <summary>
/// The kernel's benchmark mode (bench/README.md), with a tiny time budget: every case of the matrix prints one
/// well-formed line whose numbers agree with each other (iops from n and ticks at the virt machine's 10 MHz
/// timebase, kibps from iops and the size), the fields name the configuration that was booted, the run ends with
/// <c>bench: done</c> and exit status 0. This checks the mode works and its lines parse; it measures nothing
/// (speed is the business of ./bench.sh, not of tests).
/// </summary>
public class BenchModeTests
{
    private const long TimebaseHz = 10_000_000;

    [Theory]
    [InlineData("rv32", "legacy", "poll")]
    [InlineData("rv32", "modern", "irq")]
    [InlineData("rv64", "legacy", "irq")]
    [InlineData("rv64", "modern", "poll")]
    public void PrintsEveryCaseWithConsistentNumbers(string arch, string transport, string completion)
    {
        string disk = DiskImages.CreateSparse(nameof(PrintsEveryCaseWithConsistentNumbers), $"{arch}-{transport}-{completion}", 64L << 20);

        var boot = KernelBoot.Boot(arch, "--disk", disk, "--transport", transport, "--completion", completion,
            "--append", "bench blk.queue=256 bench.ms=5");

        BootAssert.ExitedWith(0, boot);
        var lines = boot.Lines.Where(l => l.StartsWith("bench: arch=", StringComparison.Ordinal)).ToList();
        var cases = new HashSet<string>();
        foreach (string line in lines)
        {
            var fields = line["bench: ".Length..].Split(' ').Select(f => f.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
            Assert.True(fields["arch"] == arch && fields["transport"] == transport && fields["completion"] == completion,
                $"'{line}' does not name the booted configuration\n{boot.Describe()}");
            long size = long.Parse(fields["size"], CultureInfo.InvariantCulture);
            long n = long.Parse(fields["n"], CultureInfo.InvariantCulture);
            long ticks = long.Parse(fields["ticks"], CultureInfo.InvariantCulture);
            long iops = long.Parse(fields["iops"], CultureInfo.InvariantCulture);
            long kibps = long.Parse(fields["kibps"], CultureInfo.InvariantCulture);
            Assert.True(n > 0 && ticks > 0, $"'{line}' did no requests\n{boot.Describe()}");
            long expectedIops = n * TimebaseHz / ticks;
            Assert.True(Math.Abs(iops - expectedIops) <= 1, $"'{line}': iops should be n * 10 MHz / ticks = {expectedIops}");
            long expectedKibps = iops * size / 1024;
            Assert.True(Math.Abs(kibps - expectedKibps) <= Math.Max(1, size / 1024), $"'{line}': kibps should be iops * size / 1024 = {expectedKibps}");
            Assert.True(cases.Add($"{fields["op"]} {fields["pattern"]} {size} {fields["qd"]}"), $"'{line}' is a repeated case");
        }

        // Reads and writes, sequential and random, three sizes, four queue depths.
        Assert.True(cases.Count == 2 * 2 * 3 * 4, $"expected 48 cases, got {cases.Count}\n{boot.Describe()}");
        Assert.True(boot.Lines.Where(l => l.Length > 0).Last() == "bench: done", $"the run must end with 'bench: done'\n{boot.Describe()}");
        DiskImages.Discard(disk);
    }

    /// <summary><c>bench.ring</c> decides the ring features the bench accepts (bench/Runner's EVENT_IDX and INDIRECT_DESC
    /// configurations), replacing those of <c>bench.features</c>; the line's features show what was accepted.</summary>
    [Theory]
    [InlineData("bench.ring=event-idx,indirect", (1ul << 29) | (1ul << 28))]
    [InlineData("bench.ring=event-idx", 1ul << 29)]
    [InlineData("bench.ring=indirect", 1ul << 28)]
    [InlineData("bench.features=driver bench.ring=none", 0ul)]
    public void AcceptsTheRingFeaturesBenchRingNames(string options, ulong ring)
    {
        string disk = DiskImages.CreateSparse(nameof(AcceptsTheRingFeaturesBenchRingNames), options.Replace(' ', '-').Replace(',', '-').Replace('=', '-'), 64L << 20);

        var boot = KernelBoot.Boot("rv64", "--disk", disk, "--append",
            $"bench blk.queue=256 bench.ms=5 bench.sizes=4096 bench.qd=16 bench.ops=read bench.patterns=seq {options}");

        BootAssert.ExitedWith(0, boot);
        string line = Assert.Single(boot.Lines, l => l.StartsWith("bench: arch=", StringComparison.Ordinal));
        var fields = line["bench: ".Length..].Split(' ').Select(f => f.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        ulong features = ulong.Parse(fields["features"].AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        Assert.True((features & ((1ul << 29) | (1ul << 28))) == ring, $"features {fields["features"]}: ring bits should be 0x{ring:x}\n{boot.Describe()}");
        Assert.True(fields.ContainsKey("notifies"), $"'{line}' has no notifies=");
        DiskImages.Discard(disk);
    }

    /// <summary><c>bench.nap</c> (polling asleep on the SBI timer between looks while others are in flight): the
    /// banner says so, every case completes, and the writes read back as written (the bench's own verification).</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void NapsBetweenLooksAndStillCompletesAndVerifiesEveryCase(string arch)
    {
        string disk = DiskImages.CreateSparse(nameof(NapsBetweenLooksAndStillCompletesAndVerifiesEveryCase), arch, 64L << 20);

        var boot = KernelBoot.Boot(arch, "--disk", disk, "--completion", "poll", "--append",
            "bench blk.queue=256 bench.ms=20 bench.sizes=512,65536 bench.qd=1,16 bench.patterns=seq bench.nap=10");

        BootAssert.ExitedWith(0, boot);
        string banner = BootAssert.SingleLineStartingWith("bench: C# kernel, ", boot);
        Assert.True(banner.Contains(" polling with naps of 10 us while others are in flight, ", StringComparison.Ordinal)
            && banner.EndsWith(", writes verified", StringComparison.Ordinal), $"banner: '{banner}'\n{boot.Describe()}");
        var cases = boot.Lines.Where(l => l.StartsWith("bench: arch=", StringComparison.Ordinal)).ToList();
        Assert.True(cases.Count == 8, $"expected 8 cases\n{boot.Describe()}");
        foreach (string line in cases)
        {
            var fields = line["bench: ".Length..].Split(' ').Select(f => f.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
            long naps = long.Parse(fields["naps"], CultureInfo.InvariantCulture);
            // A lone request is spun for; with 16 in flight the loop finds nothing at times and naps (a 512 B request
            // takes QEMU tens of microseconds, the loop's look well under one).
            Assert.True(fields["qd"] == "1" ? naps == 0 : naps > 0, $"'{line}': naps={naps} at qd={fields["qd"]}\n{boot.Describe()}");
        }
        BootAssert.HasLine("bench: done", boot);
        DiskImages.Discard(disk);
    }

    /// <summary>An option outside its range stops the boot with status 1 and an error naming it and its value: a ring
    /// feature the bench does not know, a queue depth outside the matrix, a nap over a second.</summary>
    [Theory]
    [InlineData("bench.ring", "packed")]
    [InlineData("bench.qd", "3")]
    [InlineData("bench.nap", "1000001")]
    public void RefusesAnOptionOutsideItsRange(string key, string value)
    {
        var boot = KernelBoot.Boot("rv64", "--no-disk", "--append", $"bench {key}={value}");

        Assert.True(boot.ExitCode == 1 && !boot.TimedOut, $"expected exit status 1\n{boot.Describe()}");
        BootAssert.HasLineStartingWith($"cmdline: error: {key}='{value}': expected ", boot);
    }
}
