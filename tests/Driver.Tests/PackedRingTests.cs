using System.Runtime.CompilerServices;
using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The packed virtqueue (virtio 1.2 2.8) as the driver writes it: negotiation (modern only, chosen once),
/// the spec's structures, the descriptors and flags of a buffer in the ring, the wrap counters, the wrap-safe event
/// test, and the driver event suppression structure. The requests themselves run on both rings in
/// <see cref="BothRingsTests"/>, the randomized test (<c>PackedRingMatchesTheModel</c>) and the hostile cases in
/// <see cref="PackedHostileDeviceTests"/>.</summary>
public unsafe class PackedRingTests
{
    static int Offset<T>(ref T start, ref byte field) => (int)Unsafe.ByteOffset(ref Unsafe.As<T, byte>(ref start), ref field);

    [Fact]
    public void PvirtqDescAndEventSuppressHaveTheSpecsLayout()
    {
        Assert.Equal(16, sizeof(PvirtqDesc));
        PvirtqDesc d = default;
        Assert.Equal(0, Offset(ref d, ref Unsafe.As<ulong, byte>(ref d.Addr)));
        Assert.Equal(8, Offset(ref d, ref Unsafe.As<uint, byte>(ref d.Len)));
        Assert.Equal(12, Offset(ref d, ref Unsafe.As<ushort, byte>(ref d.Id)));
        Assert.Equal(14, Offset(ref d, ref Unsafe.As<ushort, byte>(ref d.Flags)));
        Assert.Equal((1, 2, 4, 0x80, 0x8000), (PvirtqDesc.VIRTQ_DESC_F_NEXT, PvirtqDesc.VIRTQ_DESC_F_WRITE,
            PvirtqDesc.VIRTQ_DESC_F_INDIRECT, PvirtqDesc.VIRTQ_DESC_F_AVAIL, PvirtqDesc.VIRTQ_DESC_F_USED));

        Assert.Equal(4, sizeof(PvirtqEventSuppress));
        PvirtqEventSuppress e = default;
        Assert.Equal(0, Offset(ref e, ref Unsafe.As<ushort, byte>(ref e.Desc)));
        Assert.Equal(2, Offset(ref e, ref Unsafe.As<ushort, byte>(ref e.Flags)));
        Assert.Equal((0, 1, 2), (PvirtqEventSuppress.RING_EVENT_FLAGS_ENABLE, PvirtqEventSuppress.RING_EVENT_FLAGS_DISABLE,
            PvirtqEventSuppress.RING_EVENT_FLAGS_DESC));
        Assert.Equal(1ul << 34, VirtioFeatures.RingPacked);
    }

    [Fact]
    public void ThePackedRingIsTakenWhenOfferedOnTheModernInterfaceAndItsAreasAreAligned()
    {
        using var rig = Rings.Rig(RingKind.ModernPacked).Started();
        Rings.AssertRing(rig, RingKind.ModernPacked);
        var (desc, driver, device) = rig.Device.QueueAddresses;
        Assert.Equal(0ul, desc % 4096);
        Assert.Equal(desc + 16ul * rig.Driver.QueueSize, driver);   // 2.8.10.1: 16, 4, 4
        Assert.Equal(driver + 4, device);
        rig.AssertClean();
    }

    [Fact]
    public void WithoutRingPackedAskedForTheSplitRingIsUsed()
    {
        using var rig = Rings.Rig(RingKind.ModernPacked).Started(Rig.DirectFeatures & ~VirtioBlkFeatures.RingPacked, 128);
        Assert.False(rig.Driver.UsesPackedRing);
        Assert.False(rig.Device.Packed);
        Span<byte> buffer = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(5, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(5, 1)));
        rig.AssertClean();
    }

    /// <summary>The legacy interface has one 32-bit feature word: bit 34 can never be offered, whatever the device
    /// holds, and the driver stays on the split ring.</summary>
    [Fact]
    public void TheLegacyInterfaceNeverGetsThePackedRing()
    {
        using var rig = Rings.Rig(RingKind.LegacySplit, more: d => d.HostFeatures |= VirtioFeatures.RingPacked).Started();
        Assert.False(rig.Driver.UsesPackedRing);
        Assert.Equal(0ul, rig.Device.GuestFeatures & VirtioFeatures.RingPacked);
        rig.AssertClean();
    }

    /// <summary>Reinitialize with other features keeps the ring format of the first initialisation (the memory and the
    /// buffers held in it are laid out for it), and a device that no longer offers the packed ring is refused.</summary>
    [Fact]
    public void ReinitialisingKeepsTheRingFormat()
    {
        using var rig = Rings.Rig(RingKind.ModernPacked).Started();
        Assert.Equal(BlockError.None, rig.Driver.Reinitialize(Rig.DirectFeatures & ~VirtioBlkFeatures.RingPacked));
        Assert.True(rig.Driver.UsesPackedRing);
        Assert.True(rig.Device.Packed);
        Span<byte> buffer = rig.Buffer(1024);
        Assert.Equal(BlockError.None, rig.Driver.Read(7, buffer));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(7, 2)));

        rig.Device.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
        Assert.Equal(BlockError.FeaturesRefused, rig.Driver.Recover());
        Assert.False(rig.Driver.IsReady);
        Assert.NotEqual(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
        rig.AssertClean();

        using var split = Rings.Rig(RingKind.ModernPacked).Started(Rig.DirectFeatures & ~VirtioBlkFeatures.RingPacked, 128);
        Assert.Equal(BlockError.None, split.Driver.Reinitialize(VirtioBlkFeatures.Default));
        Assert.False(split.Driver.UsesPackedRing);
        Assert.Equal(BlockError.None, split.Driver.Read(7, split.Buffer(512)));
        split.AssertClean();
    }

    static PvirtqDesc* Ring(Rig rig) => (PvirtqDesc*)rig.Arena.Translate(rig.Device.QueueAddresses.Desc, 16ul * rig.Driver.QueueSize);

    /// <summary>A three-element buffer as the driver leaves it (2.8.6, 2.8.21.1): consecutive slots, NEXT on all but
    /// the last, WRITE on the writable ones, the buffer id in the last (here in each), AVAIL = the wrap counter (1),
    /// USED its inverse; the first slot's flags still 0 until the batch is kicked.</summary>
    [Fact]
    public void ABuffersSlotsCarryTheSpecsFlagsAndTheFirstIsWrittenLast()
    {
        using var rig = Rings.Rig(RingKind.ModernPacked, CompletionMode.Manual).Started();
        PvirtqDesc* ring = Ring(rig);
        Span<byte> buffer = rig.Buffer(512);
        ushort token;
        fixed (byte* p = buffer)
        {
            Assert.Equal(BlockError.None, rig.Driver.Enqueue(BlockOp.Read, 3, p, 512, out token));
            Assert.Equal(rig.Arena.BusAddress(p), ring[1].Addr);
        }

        const ushort Avail = PvirtqDesc.VIRTQ_DESC_F_AVAIL;
        Assert.Equal(0, ring[0].Flags);   // not yet available
        Assert.Equal((16u, 512u, 1u), (ring[0].Len, ring[1].Len, ring[2].Len));
        Assert.Equal(Avail | PvirtqDesc.VIRTQ_DESC_F_NEXT | PvirtqDesc.VIRTQ_DESC_F_WRITE, ring[1].Flags);
        Assert.Equal(Avail | PvirtqDesc.VIRTQ_DESC_F_WRITE, ring[2].Flags);
        Assert.Equal(token, ring[2].Id);
        rig.Driver.Kick();
        Assert.Equal(Avail | PvirtqDesc.VIRTQ_DESC_F_NEXT, ring[0].Flags);
        Assert.Equal([token], rig.Device.PendingHeads);
        rig.Device.CompleteHead(token);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(3, 1)));
        rig.AssertClean();
    }

    /// <summary>After a lap the driver marks slots available with its wrap counter flipped to 0: AVAIL clear, USED set;
    /// the device's used descriptors then carry AVAIL = USED = 0, and both sides keep going.</summary>
    [Fact]
    public void TheWrapCounterFlipsAtTheEndOfTheRing()
    {
        using var rig = Rings.Rig(RingKind.ModernPacked, CompletionMode.Manual, queueNumMax: 8).Started();
        Assert.Equal((ushort)8, rig.Driver.QueueSize);
        PvirtqDesc* ring = Ring(rig);
        Span<byte> buffer = rig.Buffer(512);
        ushort token;
        for (int i = 0; i < 2; i++)
        {
            fixed (byte* p = buffer)
            {
                Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Read, 1, p, 512, out token));
            }

            rig.Device.CompleteHead(token);
            Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        }

        // Slots 6, 7 then 0: the third buffer crosses the end; slot 0 is marked with the flipped counter.
        fixed (byte* p = buffer)
        {
            Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Read, 2, p, 512, out token));
        }

        Assert.Equal(PvirtqDesc.VIRTQ_DESC_F_AVAIL | PvirtqDesc.VIRTQ_DESC_F_NEXT | PvirtqDesc.VIRTQ_DESC_F_WRITE, ring[7].Flags);
        Assert.Equal(PvirtqDesc.VIRTQ_DESC_F_USED | PvirtqDesc.VIRTQ_DESC_F_WRITE, ring[0].Flags);
        Assert.Equal(1, rig.Device.PackedBuffersAcrossTheEnd);
        rig.Device.CompleteHead(token);
        Assert.Equal((ushort)1, rig.Device.PackedUsed.Position);
        Assert.False(rig.Device.PackedUsed.Wrap);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(2, 1)));

        // The next used descriptor lands at slot 1 with AVAIL = USED = 0.
        fixed (byte* p = buffer)
        {
            Assert.Equal(BlockError.None, rig.Driver.Submit(BlockOp.Read, 4, p, 512, out token));
        }

        rig.Device.CompleteHead(token);
        Assert.Equal(PvirtqDesc.VIRTQ_DESC_F_WRITE, ring[1].Flags);
        Assert.Equal(BlockError.None, rig.Driver.WaitFor(token));
        Assert.True(buffer.SequenceEqual(rig.OriginalSectors(4, 1)));
        rig.AssertClean();
    }

    /// <summary>The packed event test against the slots walked one by one (the spec's words: notify when the slot
    /// named by offset and wrap counter was made available), for every start, length and event in small rings.</summary>
    [Fact]
    public void NeedEventMatchesWalkingTheSlots()
    {
        foreach (ushort size in new ushort[] { 1, 2, 3, 8, 13 })
        {
            for (int start = 0; start < 2 * size; start++)
            {
                ushort oldPos = (ushort)(start % size);
                bool oldWrap = start < size;
                for (int count = 1; count <= size; count++)
                {
                    int end = (start + count) % (2 * size);
                    ushort newPos = (ushort)(end % size);
                    bool newWrap = end < size;
                    for (int ev = 0; ev < 2 * size; ev++)
                    {
                        ushort offWrap = (ushort)(ev % size | (ev < size ? 0x8000 : 0));
                        bool walked = false;
                        for (int i = 0; i < count; i++)
                        {
                            walked |= (start + i) % (2 * size) == ev;
                        }

                        Assert.True(walked == PackedVirtqueue.NeedEvent(offWrap, oldPos, oldWrap, newPos, newWrap, size),
                            $"size {size} start {start} count {count} event {ev}");
                    }
                }
            }
        }

        Assert.True(PackedVirtqueue.NeedEvent(0x7fff, 0, true, 1, true, 8));   // an offset outside the ring: notify
    }

    /// <summary>The driver event suppression structure: DISABLE when polling; interrupt mode with EVENT_IDX: DESC at
    /// the next used slot and wrap counter; without it ENABLE.</summary>
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void TheDriverEventAsksForWhatTheWaitNeeds(bool interrupts, bool eventIdx)
    {
        using var rig = Rings.Rig(RingKind.ModernPacked, interrupts: interrupts, queueNumMax: 8).Started(
            eventIdx ? Rig.DirectFeatures : Rig.DirectFeatures & ~VirtioBlkFeatures.RingEventIdx, 8);
        var driverEvent = (PvirtqEventSuppress*)rig.Arena.Translate(rig.Device.QueueAddresses.Driver, 4);
        Span<byte> buffer = rig.Buffer(512);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(BlockError.None, rig.Driver.Read((ulong)i, buffer));
            ushort expected = !interrupts ? PvirtqEventSuppress.RING_EVENT_FLAGS_DISABLE :
                eventIdx ? PvirtqEventSuppress.RING_EVENT_FLAGS_DESC : PvirtqEventSuppress.RING_EVENT_FLAGS_ENABLE;
            Assert.Equal(expected, driverEvent->Flags);
            if (interrupts && eventIdx)
            {
                var (position, wrap) = rig.Device.PackedUsed;
                Assert.Equal((ushort)(position | (wrap ? 0x8000 : 0)), driverEvent->Desc);
            }
        }

        Assert.Equal(interrupts ? 5 : 0, rig.Device.InterruptsRaised);
        rig.AssertClean();
    }
}
