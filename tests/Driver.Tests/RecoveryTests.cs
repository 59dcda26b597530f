using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>Time-outs that recover (issue 12): a completion that arrives while the deadline passes (a host stall) is
/// found by the last look at the used ring and reported as what it is; a device that really stops answering is reset
/// and initialised again, the requests in flight fail with <see cref="BlockError.Timeout"/>, and the disk works again
/// without a new <c>Initialize</c>; re-initialising never allocates again.</summary>
public unsafe class RecoveryTests
{
    static Rig MakeRig(bool modern, bool interrupts = false, CompletionMode completion = CompletionMode.Manual) =>
        new(64, interrupts: interrupts, configure: d =>
        {
            d.Completion = completion;
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            }
        });

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void AWriteCompletedDuringAHostStallIsReportedAsWritten(bool modern, bool interrupts)
    {
        using var rig = MakeRig(modern, interrupts).Started();
        rig.Waiting.Limit = 50;
        rig.Waiting.SleepLimit = TimeSpan.FromMilliseconds(20);
        rig.Waiting.OnTimeLimit = d => d.CompleteAllPending();   // the device finished while the guest was stopped
        Span<byte> data = rig.Buffer(1024);
        data.Fill(0x77);
        Assert.Equal(BlockError.None, rig.Driver.Write(6, data));
        Assert.Equal(1, rig.Waiting.TimeLimitsReached + rig.Waiting.LostWakeups);
        Assert.Equal(0u, rig.Driver.Recoveries);   // no reset: the write landed and says so
        Assert.True(rig.Device.ReadBack(6, 2).AsSpan().SequenceEqual(data));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void ADeviceThatStopsAnsweringIsResetAndWorksAgain(bool modern, bool interrupts)
    {
        using var rig = MakeRig(modern, interrupts).Started();
        rig.Waiting.Limit = 50;
        rig.Waiting.SleepLimit = TimeSpan.FromMilliseconds(20);
        var ledger = new CompletionLedger();
        var tokens = new ushort[5];
        for (int i = 0; i < tokens.Length; i++)
        {
            Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Write, (ulong)i, rig.Buffer(512), out tokens[i]));
        }

        rig.Device.CompletePending(2);   // one completes; the others never will
        Assert.Equal(BlockError.Timeout, rig.Driver.WaitFor(tokens[0]));
        ledger.Completed(tokens[0], BlockError.Timeout);
        ledger.Drain(rig);
        ledger.AssertAllCompleted();
        var results = ledger.Completions.ToDictionary(c => c.Token, c => c.Result);
        Assert.Equal(BlockError.None, results[tokens[2]]);   // the one that completed is reported as done
        foreach (int i in new[] { 1, 3, 4 })
        {
            Assert.Equal(BlockError.Timeout, results[tokens[i]]);
        }

        Assert.Equal(1u, rig.Driver.Recoveries);
        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);
        Assert.Equal(0, rig.Device.PendingCount);

        // The disk works again.
        rig.Device.Completion = CompletionMode.Immediate;
        Span<byte> buffer = rig.Buffer(512);
        for (int i = 0; i < 300; i++)
        {
            Assert.Equal(BlockError.None, rig.Driver.Read((ulong)(i % 64), buffer));
        }

        rig.AssertClean();
    }

    [Fact]
    public void WithoutATimeLimitASlowDeviceIsWaitedFor()
    {
        using var rig = MakeRig(modern: false, completion: CompletionMode.Deferred).Started();
        rig.Device.CompletionDelay = TimeSpan.FromMilliseconds(300);
        rig.Waiting.Limit = long.MaxValue;
        Span<byte> data = rig.Buffer(512);
        data.Fill(0x31);
        Assert.Equal(BlockError.None, rig.Driver.Write(1, data));
        Assert.Equal(0u, rig.Driver.Recoveries);
        Assert.True(rig.Device.ReadBack(1, 1).AsSpan().SequenceEqual(data));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReinitialisingAllocatesNothing(bool modern)
    {
        using var rig = MakeRig(modern, completion: CompletionMode.Immediate).Started();
        Assert.Equal(BlockError.None, rig.Driver.Reinitialize(VirtioBlkFeatures.Default));   // INDIRECT's tables, once
        int allocations = rig.Arena.AllocationCount;
        Span<byte> buffer = rig.Buffer(512);
        allocations++;
        for (int i = 0; i < 300; i++)
        {
            ulong features = i % 2 == 0 ? 0 : VirtioBlkFeatures.Default;
            Assert.Equal(BlockError.None, rig.Driver.Reinitialize(features));
            Assert.Equal(BlockError.None, rig.Driver.Read((ulong)(i % 64), buffer));
            Assert.Equal(features == 0 ? 0ul : VirtioBlkFeatures.Flush, rig.Driver.AcceptedFeatures & VirtioBlkFeatures.Flush);
        }

        Assert.Equal(allocations, rig.Arena.AllocationCount);
        Assert.Equal(301u, rig.Driver.Recoveries);
        rig.AssertClean();
    }

    [Fact]
    public void RecoverAfterAProtocolViolationBringsTheDiskBack()
    {
        using var rig = MakeRig(modern: true).Started();
        var ledger = new CompletionLedger();
        Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 1, rig.Buffer(512), out ushort token));
        rig.Device.PublishRawUsed(token + 1u, 1);   // a descriptor that heads no request
        rig.Driver.ReapCompletions();
        Assert.False(rig.Driver.IsReady);
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Driver.Read(0, rig.Buffer(512)));
        Assert.Equal(BlockError.None, rig.Driver.Recover());
        rig.Device.Completion = CompletionMode.Immediate;
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(4, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(4, 1)));
        ledger.Drain(rig);
        ledger.AssertAllCompleted();
        Assert.Equal(BlockError.ProtocolViolation, ledger.Completions[0].Result);
        rig.AssertClean();
    }

    [Fact]
    public void RequestsCompletedButNotCollectedSurviveARestart()
    {
        using var rig = MakeRig(modern: false).Started();
        var ledger = new CompletionLedger();
        Span<byte> first = rig.Buffer(512);
        Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 3, first, out ushort done));
        Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 4, rig.Buffer(512), out ushort lost));
        rig.Device.CompleteHead(done);
        Assert.Equal(1, rig.Driver.ReapCompletions());
        Assert.Equal(BlockError.None, rig.Driver.Recover());   // the second is aborted; the first keeps its result
        Assert.True(rig.Driver.TryGetResult(done, out BlockError result));
        Assert.Equal(BlockError.None, result);
        Assert.True(first.SequenceEqual(rig.OriginalSectors(3, 1)));
        Assert.True(rig.Driver.TryGetResult(lost, out result));
        Assert.Equal(BlockError.Aborted, result);
        Assert.Equal(rig.Driver.QueueSize, rig.Driver.FreeDescriptors);
        rig.AssertClean();
    }
}
