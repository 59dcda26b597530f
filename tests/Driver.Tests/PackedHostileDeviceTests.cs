using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>A hostile device on the packed ring (2.8): used descriptors naming ids out of range, free, already
/// completed or twice, lengths past the writable buffers, flags that are neither available nor used, and a device that
/// never answers. As on the split ring (<see cref="HostileDeviceTests"/>, issue 12's rules): the driver fails the
/// requests with <see cref="BlockError.ProtocolViolation"/>, resets the device and sets FAILED, reports every request
/// once, writes nothing outside its memory, and refuses requests until <c>Recover</c>, after which the disk works.</summary>
public unsafe class PackedHostileDeviceTests
{
    static Rig HostileRig(bool interrupts = false) =>
        Rings.Rig(RingKind.ModernPacked, CompletionMode.Manual, interrupts: interrupts, sectors: 64, queueNumMax: 128);

    static ushort[] ThreeReads(Rig rig, CompletionLedger ledger)
    {
        var tokens = new ushort[3];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, (ulong)(i + 1), rig.Buffer(512), out tokens[i]));
        }

        Assert.Equal(3, rig.Device.PendingCount);
        Assert.True(rig.Driver.UsesPackedRing);
        return tokens;
    }

    /// <summary>After giving up, <c>Recover</c> brings the disk back on the packed ring.</summary>
    static void AssertRecovers(Rig rig)
    {
        Assert.Equal(BlockError.None, rig.Driver.Recover());
        Assert.True(rig.Driver.UsesPackedRing);
        rig.Device.UsedLenLie = null;
        rig.Device.Completion = CompletionMode.Immediate;
        Span<byte> buffer = rig.Buffer(1024);
        Assert.Equal(BlockError.None, rig.Driver.Read(10, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(10, 2)));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(128)]      // the queue size: one past the last id
    [InlineData(0xffff)]   // NoToken
    [InlineData(100)]      // an id that names no buffer
    public void AUsedIdThatNamesNoBufferIsAProtocolViolation(int id)
    {
        using var rig = HostileRig().Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        Assert.DoesNotContain((ushort)id, tokens);
        int resets = rig.Device.ResetCount;
        Assert.True(rig.Device.PublishRawPackedUsed((ushort)id, 1, PvirtqDesc.VIRTQ_DESC_F_WRITE));
        Assert.Equal(3, rig.Driver.ReapCompletions());
        HostileDeviceTests.AssertGaveUpSafely(rig, ledger, resets, tokens);
        AssertRecovers(rig);
    }

    [Fact]
    public void AnIdCompletedAndNotCollectedIsAProtocolViolation()
    {
        using var rig = HostileRig().Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        rig.Device.CompleteHead(tokens[0]);
        Assert.Equal(1, rig.Driver.ReapCompletions());
        int resets = rig.Device.ResetCount;
        Assert.True(rig.Device.PublishRawPackedUsed(tokens[0], 1, PvirtqDesc.VIRTQ_DESC_F_WRITE));
        Assert.Equal(2, rig.Driver.ReapCompletions());
        HostileDeviceTests.AssertGaveUpSafely(rig, ledger, resets, tokens[1..]);
        Assert.Single(ledger.Completions, c => c.Token == tokens[0] && c.Result == BlockError.None);
        AssertRecovers(rig);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSameIdTwiceInOneLookFailsThatRequestOnce(bool interrupts)
    {
        using var rig = HostileRig(interrupts).Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        int resets = rig.Device.ResetCount;
        rig.Device.CompleteHeadTwice(tokens[1]);
        Assert.Equal(BlockError.ProtocolViolation, rig.Driver.WaitFor(tokens[1]));
        ledger.Completed(tokens[1], BlockError.ProtocolViolation);
        HostileDeviceTests.AssertGaveUpSafely(rig, ledger, resets, tokens);
        AssertRecovers(rig);
    }

    [Fact]
    public void AnIdCompletedAgainAfterItsResultWasCollectedIsCaught()
    {
        // Collected, the id is free and will be handed out again; the device repeats it first.
        using var rig = HostileRig().Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        rig.Device.CompleteHead(tokens[0]);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(tokens[0]));
        ledger.Completed(tokens[0], BlockError.None);
        int resets = rig.Device.ResetCount;
        Assert.True(rig.Device.PublishRawPackedUsed(tokens[0], 513, PvirtqDesc.VIRTQ_DESC_F_WRITE));
        Assert.Equal(2, rig.Driver.ReapCompletions());
        HostileDeviceTests.AssertGaveUpSafely(rig, ledger, resets, tokens[1..]);
        AssertRecovers(rig);
    }

    [Theory]
    [InlineData(false, 1u)]          // a 2 KiB read: 2049 writable bytes, one more
    [InlineData(false, 0x8000_0000u)]
    [InlineData(true, 4096u)]        // a write: only the status byte is writable
    public void AUsedLengthPastTheWritableBuffersIsAProtocolViolation(bool write, uint excess)
    {
        using var rig = HostileRig().Started();
        var ledger = new CompletionLedger();
        Assert.Equal(BlockError.None, ledger.Submit(rig, write ? BlockOp.Write : BlockOp.Read, 4, rig.Buffer(2048), out ushort token));
        Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, 9, rig.Buffer(512), out ushort other));
        uint writable = write ? 1u : 2049u;
        int resets = rig.Device.ResetCount;
        rig.Device.UsedLenLie = (id, written) =>
        {
            Assert.Equal(writable, written);
            return id == token ? writable + excess : written;
        };
        rig.Device.CompleteHead(token);
        Assert.Equal(2, rig.Driver.ReapCompletions());
        HostileDeviceTests.AssertGaveUpSafely(rig, ledger, resets, [token, other]);
        AssertRecovers(rig);
    }

    /// <summary>2.8.4: without WRITE in the used descriptor its length is reserved and ignored by drivers: any value
    /// is accepted (the status byte still says the request was done).</summary>
    [Fact]
    public void ALengthWithoutWriteIsIgnored()
    {
        using var rig = HostileRig().Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        rig.Device.CompleteHead(tokens[0]);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(tokens[0]));
        ledger.Completed(tokens[0], BlockError.None);

        // The second request executed for real, but reported with WRITE clear and a huge length.
        rig.Device.PackedUsedWithoutWrite = true;
        rig.Device.UsedLenLie = (_, _) => 0xffff_0000;
        rig.Device.CompleteHead(tokens[1]);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(tokens[1]));
        ledger.Completed(tokens[1], BlockError.None);
        Assert.True(rig.Driver.IsReady);
        rig.AssertClean();
    }

    /// <summary>A slot whose USED bit matches the wrap counter but AVAIL does not is neither available nor used
    /// (2.8.1): the driver does not take it; the request stays in flight until the deadline, then the device is reset
    /// and the request fails with Timeout, and the disk works again.</summary>
    [Fact]
    public void ASlotWithUsedButNotAvailIsNotTakenAndTheDeadlineResets()
    {
        using var rig = HostileRig().Started();
        var ledger = new CompletionLedger();
        ushort[] tokens = ThreeReads(rig, ledger);
        rig.Waiting.Limit = 30;
        Assert.True(rig.Device.PublishRawPackedUsed(tokens[0], 513,
            PvirtqDesc.VIRTQ_DESC_F_USED | PvirtqDesc.VIRTQ_DESC_F_WRITE, rawFlags: true));
        Assert.Equal(0, rig.Driver.ReapCompletions());
        Assert.Equal(BlockError.Timeout, rig.Driver.WaitFor(tokens[0]));
        ledger.Completed(tokens[0], BlockError.Timeout);
        ledger.Drain(rig);
        ledger.AssertAllCompleted();
        Assert.True(rig.Driver.IsReady);
        Assert.Equal(1u, rig.Driver.Recoveries);
        rig.Device.Completion = CompletionMode.Immediate;
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(12, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(12, 1)));
        rig.AssertClean();
    }

    /// <summary>A device that writes garbage ids into every used descriptor (CorruptUsedId) while requests stream: the
    /// first bad one stops the driver; nothing is completed twice, nothing written outside the buffers.</summary>
    [Fact]
    public void CorruptIdsWhileStreamingStopTheDriverSafely()
    {
        using var rig = Rings.Rig(RingKind.ModernPacked, CompletionMode.Manual, sectors: 64).Started();
        var ledger = new CompletionLedger();
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(BlockError.None, ledger.Submit(rig, BlockOp.Read, (ulong)i, rig.Buffer(512), out _));
        }

        rig.Device.CompletePending(0);
        rig.Device.CompletePending(3);
        Assert.Equal(2, rig.Driver.ReapCompletions());
        int resets = rig.Device.ResetCount;
        rig.Device.CorruptUsedId = 77;
        rig.Device.CompleteAllPending(new Random(4));
        rig.Driver.ReapCompletions();
        Assert.False(rig.Driver.IsReady);
        Assert.True(rig.Device.ResetCount > resets);
        ledger.Drain(rig);
        ledger.AssertAllCompleted();
        Assert.Equal(18, ledger.Completions.Count(c => c.Result == BlockError.ProtocolViolation));
        rig.Device.CorruptUsedId = null;
        AssertRecovers(rig);
    }
}
