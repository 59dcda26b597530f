using System.Globalization;

namespace Rvc.Kernel.Tests;

/// <summary>
/// <c>blk.fill=SEED</c> on a fresh sparse 64 MiB image: the kernel writes every sector with the seed's pattern through
/// requests of 1, 8, 128 and 3 sectors at queue depths 1 to 32, flushes, reads it all back and checks it
/// (<c>verified=ok</c>); then the host checks the file byte for byte against its own computation of the pattern
/// (kernel/README.md, "Fill test"). Every arch, transport and completion mode: polling and interrupts must both write
/// exactly the pattern. A boot takes well under a second.
/// </summary>
public class FillTests
{
    private const long DiskBytes = 64L << 20;
    private const long Sectors = DiskBytes / DiskImages.SectorSize;

    [Theory]
    [InlineData("rv32", "legacy", "poll", 1UL)]
    [InlineData("rv32", "legacy", "irq", 0x8000_0000_0000_0001UL)]
    [InlineData("rv32", "modern", "poll", 0xDEAD_BEEF_CAFE_F00DUL)]
    [InlineData("rv32", "modern", "irq", 20240603UL)]
    [InlineData("rv64", "legacy", "poll", 0UL)]
    [InlineData("rv64", "legacy", "irq", 0xFFFF_FFFF_FFFF_FFFFUL)]
    [InlineData("rv64", "modern", "poll", 0x0123_4567_89AB_CDEFUL)]
    [InlineData("rv64", "modern", "irq", 4_000_000_007UL)]
    public void WritesThePatternEndToEndAndReadsItBack(string arch, string transport, string completion, ulong seed)
    {
        string disk = DiskImages.CreateSparse(nameof(WritesThePatternEndToEndAndReadsItBack), $"{arch}-{transport}-{completion}", DiskBytes);
        string seedText = seed.ToString(CultureInfo.InvariantCulture);

        var boot = KernelBoot.Boot(arch, "--disk", disk, "--transport", transport, "--completion", completion, "--append", "blk.fill=" + seedText);

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLine($"blk: fill blk0: {Sectors} sectors, seed {seedText}, requests of 1, 8, 128 and 3 sectors, depths 1, 4, 16 and 32", boot);
        AssertFilledWholeDisk(boot, disk, seed, completion);
    }

    /// <summary>The fill test on the packed virtqueue (<c>--ring packed</c>: QEMU's packed=on, the modern transport), rv32
    /// and rv64, polling and interrupts: the same pattern, byte for byte, and the banner says the ring.</summary>
    [Theory]
    [InlineData("rv32", "poll", 13UL)]
    [InlineData("rv32", "irq", 0xFEED_FACE_0000_0001UL)]
    [InlineData("rv64", "poll", 0x0BAD_C0DE_0000_0007UL)]
    [InlineData("rv64", "irq", 31UL)]
    public void WritesThePatternOnThePackedRing(string arch, string completion, ulong seed)
    {
        string disk = DiskImages.CreateSparse(nameof(WritesThePatternOnThePackedRing), $"{arch}-{completion}", DiskBytes);
        string seedText = seed.ToString(CultureInfo.InvariantCulture);

        var boot = KernelBoot.Boot(arch, "--disk", disk, "--transport", "modern", "--ring", "packed", "--completion", completion,
            "--append", "blk.fill=" + seedText);

        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLine($"blk0: {DiskBytes} bytes, block 512, rw, serial \"disk0\", packed ring", boot);
        AssertFilledWholeDisk(boot, disk, seed, completion);
    }

    /// <summary>The fill test with each combination of the ring features QEMU offers by default turned off in the
    /// device (<c>-global virtio-blk-device.event_idx=off</c>, <c>indirect_desc=off</c>), on both rings and both arches:
    /// the driver says what it negotiated, and the image holds the pattern byte for byte. (Both on is the default, in
    /// the tests above.)</summary>
    [Theory]
    [InlineData("rv32", "split", false, false, "poll", 101UL)]
    [InlineData("rv32", "split", true, false, "irq", 102UL)]
    [InlineData("rv32", "split", false, true, "poll", 103UL)]
    [InlineData("rv64", "split", false, false, "irq", 104UL)]
    [InlineData("rv64", "split", true, false, "poll", 105UL)]
    [InlineData("rv64", "split", false, true, "irq", 106UL)]
    [InlineData("rv32", "packed", false, false, "irq", 107UL)]
    [InlineData("rv32", "packed", true, false, "poll", 108UL)]
    [InlineData("rv32", "packed", false, true, "irq", 109UL)]
    [InlineData("rv64", "packed", false, false, "poll", 110UL)]
    [InlineData("rv64", "packed", true, false, "irq", 111UL)]
    [InlineData("rv64", "packed", false, true, "poll", 112UL)]
    public void WritesThePatternWithEachRingFeatureCombination(string arch, string ring, bool eventIdx, bool indirect,
        string completion, ulong seed)
    {
        string name = $"{arch}-{ring}-{(eventIdx ? "eventidx" : "no-eventidx")}-{(indirect ? "indirect" : "no-indirect")}";
        string disk = DiskImages.CreateSparse(nameof(WritesThePatternWithEachRingFeatureCombination), name, DiskBytes);
        string seedText = seed.ToString(CultureInfo.InvariantCulture);
        string[] ringArgs = ring == "packed" ? ["--transport", "modern", "--ring", "packed"] : ["--transport", "legacy"];

        var boot = KernelBoot.Boot(arch, [.. ringArgs, "--disk", disk, "--completion", completion, "--append", "blk.fill=" + seedText,
            "--", "-global", $"virtio-blk-device.event_idx={(eventIdx ? "on" : "off")}",
            "-global", $"virtio-blk-device.indirect_desc={(indirect ? "on" : "off")}"]);

        BootAssert.ExitedWith(0, boot);
        string ringLine = BootAssert.SingleLineStartingWith("blk: fill ring: ", boot);
        string expected = $"blk: fill ring: {ring}, event-idx {(eventIdx ? "yes" : "no")}, indirect {(indirect ? "yes" : "no")} (features ";
        Assert.True(ringLine.StartsWith(expected, StringComparison.Ordinal), $"expected '{expected}...', got '{ringLine}'\n{boot.Describe()}");
        AssertFilledWholeDisk(boot, disk, seed, completion);
    }

    /// <summary>What every fill of the whole 64 MiB disk must show: one summary line, verified, with both passes'
    /// request count; the write pass at 32 in flight; the completion mode asked for; no driver error; and the image
    /// holding the pattern byte for byte (then it is deleted).</summary>
    private static void AssertFilledWholeDisk(BootResult boot, string disk, ulong seed, string completion)
    {
        string seedText = seed.ToString(CultureInfo.InvariantCulture);
        string summary = BootAssert.SingleLineStartingWith("blk: fill seed=", boot);
        // 1 + 8 + 128 + 3 = 140 sectors every four requests: 131072 sectors take 3745 requests and two more; each pass.
        Assert.True(summary == $"blk: fill seed={seedText} sectors={Sectors} requests={2 * 3747} verified=ok",
            $"unexpected summary line '{summary}'\n{boot.Describe()}");
        BootAssert.HasLineStartingWith("blk: fill wrote in 3747 requests (up to 32 in flight)", boot);
        BootAssert.HasLine(completion == "irq" ? Transports.InterruptLine : Transports.PollingLine, boot);
        BootAssert.HasNoLineStartingWith("virtio-blk: error:", boot);
        DiskImages.AssertFilled(disk, seed, Sectors, boot);
        DiskImages.Discard(disk);
    }

    /// <summary>The fill test on a disk whose size is no multiple of the request sizes (the last request is cut), with
    /// a queue too small for 32 requests (<c>--queue-size 16</c>: 16 descriptors, 5 three-descriptor requests).</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void CutsTheLastRequestAndKeepsWithinASmallQueue(string arch)
    {
        const long sectors = 1001;
        string disk = DiskImages.CreateSparse(nameof(CutsTheLastRequestAndKeepsWithinASmallQueue), arch, sectors * DiskImages.SectorSize);

        var boot = KernelBoot.Boot(arch, "--disk", disk, "--queue-size", "16", "--append", "blk.fill=99");

        BootAssert.ExitedWith(0, boot);
        // INDIRECT_DESC (QEMU offers it, the kernel takes it): a request is one ring entry, so 16 fit in 16 entries
        // (three-descriptor chains would allow 5).
        BootAssert.HasLine("blk: fill blk0: 1001 sectors, seed 99, requests of 1, 8, 128 and 3 sectors, depths 1, 4, 16 and 16", boot);
        // 7 full rounds of 140 sectors, then 1 + 8 + 12 (the 128 cut): 31 requests a pass.
        BootAssert.HasLine("blk: fill seed=99 sectors=1001 requests=62 verified=ok", boot);
        DiskImages.AssertFilled(disk, 99, sectors, boot);
        DiskImages.Discard(disk);
    }

    /// <summary>On a read-only disk the first write is refused: the error, <c>verified=FAILED</c>, status 1, the file
    /// untouched.</summary>
    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void FailsCleanlyOnAReadOnlyDisk(string arch)
    {
        byte[] image = DiskImages.Pattern(16);
        string disk = DiskImages.Create(nameof(FailsCleanlyOnAReadOnlyDisk), arch, image);

        var boot = KernelBoot.Boot(arch, "--disk", disk + ":ro", "--append", "blk.fill=5");

        BootAssert.FailedCleanly(boot);
        Assert.Equal(1, boot.ExitCode);
        BootAssert.HasLine("virtio-blk: error: disk is read-only", boot);
        BootAssert.HasLine("blk: fill seed=5 sectors=16 requests=0 verified=FAILED", boot);
        DiskImages.AssertContents(image, disk, boot);
        DiskImages.Discard(disk);
    }

    /// <summary>A seed that is no decimal number stops the boot before any disk access.</summary>
    [Fact]
    public void RejectsABadSeed()
    {
        byte[] image = DiskImages.Pattern(16);
        string disk = DiskImages.Create(nameof(RejectsABadSeed), "rv64", image);

        var boot = KernelBoot.Boot("rv64", "--disk", disk, "--append", "blk.fill=-1");

        BootAssert.FailedCleanly(boot);
        BootAssert.HasLine("cmdline: error: blk.fill='-1': expected a seed from 0 to 18446744073709551615", boot);
        BootAssert.HasNoLineStartingWith("blk: fill", boot);
        DiskImages.AssertContents(image, disk, boot);
        DiskImages.Discard(disk);
    }
}
