namespace Kernel.Fuzz.Tests;

/// <summary>
/// The fuzz targets' short run, in the test suite: per target, seeded random inputs (fresh bytes, and the seeds mutated
/// as AFL's havoc stage does) with every invariant the target checks (DriverTarget, DeviceTreeTarget, TarHeaderTarget),
/// then every input in fuzz/findings. A failure prints the input in hex and the command that replays it. About half a
/// minute in all (the driver target's 20,000 inputs about 15 s of it); the coverage-guided campaigns (fuzz/fuzz.sh)
/// run the same targets for as long as one likes.
/// </summary>
public class ShortRunTests
{
    [Theory]
    [InlineData("driver", 1, 10000)]
    [InlineData("driver", 2, 10000)]
    [InlineData("devicetree", 1, 15000)]
    [InlineData("devicetree", 2, 15000)]
    [InlineData("tar", 1, 50000)]
    public void SeededRandomInputsBreakNoInvariant(string target, int seed, int count)
    {
        var seeds = FuzzFiles.Load(FuzzFiles.Seeds(target)).Select(s => s.Bytes).ToList();
        var failure = RandomCampaign.Run(FuzzTargets.ByName[target], seeds, count, seed, FuzzFiles.MaxLength(target));
        Assert.True(failure is null, failure is null ? "" :
            $"{target}, seed {seed}, input {failure.Index}: {failure.Error}\n" +
            $"replay: dotnet run -c Release --project fuzz/Runner -- replay {target} {Convert.ToHexString(failure.Input)}");
    }

    [Theory]
    [InlineData("driver")]
    [InlineData("devicetree")]
    [InlineData("tar")]
    public void EverySeedAndEveryFindingPasses(string target)
    {
        var inputs = FuzzFiles.Load(FuzzFiles.Seeds(target)).Concat(FuzzFiles.Load(FuzzFiles.Findings(target))).ToList();
        if (target != "driver")
        {
            Assert.NotEmpty(inputs);   // the device trees QEMU made, the headers GNU tar wrote
        }

        foreach (var (name, bytes) in inputs)
        {
            try
            {
                FuzzTargets.ByName[target](bytes);
            }
            catch (Exception e)
            {
                Assert.Fail($"{target} {name}: {e}");
            }
        }
    }

    /// <summary>The seeds are what they say: QEMU's device trees open, scan and name the virtio-mmio slots; GNU tar's
    /// headers check. So the random runs start from real inputs, not from files the readers refuse.</summary>
    [Fact]
    public unsafe void TheSeedsAreRealInputs()
    {
        foreach (var (name, bytes) in FuzzFiles.Load(FuzzFiles.Seeds("devicetree")))
        {
            using var memory = new GuardedMemory(bytes.Length);
            bytes.CopyTo(memory.Span);
            Assert.True(Kernel.DeviceTree.FlattenedDeviceTree.TryOpen((nuint)memory.Start, out var tree, out string error), $"{name}: {error}");
            Assert.True(Kernel.DeviceTree.DeviceTreeScanner.Scan(tree, out var info), name);
            Assert.Equal(8, info.VirtioMmioCount);   // QEMU's virt machine has eight virtio-mmio slots
        }

        foreach (var (name, bytes) in FuzzFiles.Load(FuzzFiles.Seeds("tar")))
        {
            Assert.Equal(Kernel.FileSystem.HeaderProblem.None, Kernel.FileSystem.TarHeader.Check(bytes.AsSpan(0, 512), out _));
        }
    }
}
