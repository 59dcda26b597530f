using System.Runtime.CompilerServices;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The shared structures have the sizes and field offsets of the specification (virtio 1.x 2.7, 5.2.6).</summary>
public unsafe class StructLayoutTests
{
    static int Offset<T>(ref T start, ref byte field) => (int)Unsafe.ByteOffset(ref Unsafe.As<T, byte>(ref start), ref field);

    [Fact]
    public void VirtqDescIs16BytesWithSpecOffsets()
    {
        Assert.Equal(16, sizeof(VirtqDesc));
        VirtqDesc d = default;
        Assert.Equal(0, Offset(ref d, ref Unsafe.As<ulong, byte>(ref d.Addr)));
        Assert.Equal(8, Offset(ref d, ref Unsafe.As<uint, byte>(ref d.Len)));
        Assert.Equal(12, Offset(ref d, ref Unsafe.As<ushort, byte>(ref d.Flags)));
        Assert.Equal(14, Offset(ref d, ref Unsafe.As<ushort, byte>(ref d.Next)));
        Assert.Equal(1, VirtqDesc.VIRTQ_DESC_F_NEXT);
        Assert.Equal(2, VirtqDesc.VIRTQ_DESC_F_WRITE);
        Assert.Equal(4, VirtqDesc.VIRTQ_DESC_F_INDIRECT);
    }

    [Fact]
    public void VirtqAvailHeaderIs4BytesThenRingThenUsedEvent()
    {
        Assert.Equal(4, sizeof(VirtqAvail));
        VirtqAvail a = default;
        Assert.Equal(0, Offset(ref a, ref Unsafe.As<ushort, byte>(ref a.Flags)));
        Assert.Equal(2, Offset(ref a, ref Unsafe.As<ushort, byte>(ref a.Idx)));
        VirtqAvail* p = (VirtqAvail*)0x1000;
        Assert.Equal(0x1004ul, (ulong)VirtqAvail.Ring(p));
        Assert.Equal(0x1004ul + 2 * 16, (ulong)VirtqAvail.UsedEvent(p, 16));
        Assert.Equal((nuint)(2 + 2 + 2 * 16 + 2), VirtqAvail.SizeInBytes(16));
        Assert.Equal(1, VirtqAvail.VIRTQ_AVAIL_F_NO_INTERRUPT);
    }

    [Fact]
    public void VirtqUsedElemIs8Bytes()
    {
        Assert.Equal(8, sizeof(VirtqUsedElem));
        VirtqUsedElem e = default;
        Assert.Equal(0, Offset(ref e, ref Unsafe.As<uint, byte>(ref e.Id)));
        Assert.Equal(4, Offset(ref e, ref Unsafe.As<uint, byte>(ref e.Len)));
    }

    [Fact]
    public void VirtqUsedHeaderIs4BytesThenRingThenAvailEvent()
    {
        Assert.Equal(4, sizeof(VirtqUsed));
        VirtqUsed u = default;
        Assert.Equal(0, Offset(ref u, ref Unsafe.As<ushort, byte>(ref u.Flags)));
        Assert.Equal(2, Offset(ref u, ref Unsafe.As<ushort, byte>(ref u.Idx)));
        VirtqUsed* p = (VirtqUsed*)0x2000;
        Assert.Equal(0x2004ul, (ulong)VirtqUsed.Ring(p));
        Assert.Equal(0x2004ul + 8 * 16, (ulong)VirtqUsed.AvailEvent(p, 16));
        Assert.Equal((nuint)(2 + 2 + 8 * 16 + 2), VirtqUsed.SizeInBytes(16));
        Assert.Equal(1, VirtqUsed.VIRTQ_USED_F_NO_NOTIFY);
    }

    [Fact]
    public void VirtioBlkReqHeaderIs16Bytes()
    {
        Assert.Equal(16, sizeof(VirtioBlkReqHeader));
        VirtioBlkReqHeader h = default;
        Assert.Equal(0, Offset(ref h, ref Unsafe.As<uint, byte>(ref h.Type)));
        Assert.Equal(4, Offset(ref h, ref Unsafe.As<uint, byte>(ref h.Reserved)));
        Assert.Equal(8, Offset(ref h, ref Unsafe.As<ulong, byte>(ref h.Sector)));
        Assert.Equal(0u, VirtioBlkReqHeader.VIRTIO_BLK_T_IN);
        Assert.Equal(1u, VirtioBlkReqHeader.VIRTIO_BLK_T_OUT);
        Assert.Equal(4u, VirtioBlkReqHeader.VIRTIO_BLK_T_FLUSH);
        Assert.Equal(8u, VirtioBlkReqHeader.VIRTIO_BLK_T_GET_ID);
        Assert.Equal(20, VirtioBlkReqHeader.IdBytes);
    }

    [Fact]
    public void StatusValuesAreTheSpecs()
    {
        Assert.Equal(0, VirtioBlkStatus.VIRTIO_BLK_S_OK);
        Assert.Equal(1, VirtioBlkStatus.VIRTIO_BLK_S_IOERR);
        Assert.Equal(2, VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP);
        Assert.Equal(1u, VirtioDeviceStatus.Acknowledge);
        Assert.Equal(2u, VirtioDeviceStatus.Driver);
        Assert.Equal(4u, VirtioDeviceStatus.DriverOk);
        Assert.Equal(8u, VirtioDeviceStatus.FeaturesOk);
        Assert.Equal(64u, VirtioDeviceStatus.DeviceNeedsReset);
        Assert.Equal(128u, VirtioDeviceStatus.Failed);
    }

    [Fact]
    public void RequestSlotKeepsTheHeaderFirstAndTheStatusAfterIt()
    {
        Assert.Equal(24, sizeof(VirtioBlkRequestSlot));
        VirtioBlkRequestSlot s = default;
        Assert.Equal(0, Offset(ref s, ref Unsafe.As<VirtioBlkReqHeader, byte>(ref s.Header)));
        Assert.Equal(16, Offset(ref s, ref s.Status));
    }

    [Fact]
    public void RegisterOffsetsAreTheSpecs()
    {
        (uint Actual, uint Spec)[] registers =
        [
            (VirtioMmio.MagicValue, 0x000), (VirtioMmio.Version, 0x004), (VirtioMmio.DeviceID, 0x008),
            (VirtioMmio.VendorID, 0x00c), (VirtioMmio.HostFeatures, 0x010), (VirtioMmio.HostFeaturesSel, 0x014),
            (VirtioMmio.GuestFeatures, 0x020), (VirtioMmio.GuestFeaturesSel, 0x024), (VirtioMmio.GuestPageSize, 0x028),
            (VirtioMmio.QueueSel, 0x030), (VirtioMmio.QueueNumMax, 0x034), (VirtioMmio.QueueNum, 0x038),
            (VirtioMmio.QueueAlign, 0x03c), (VirtioMmio.QueuePFN, 0x040), (VirtioMmio.QueueReady, 0x044),
            (VirtioMmio.QueueNotify, 0x050), (VirtioMmio.InterruptStatus, 0x060), (VirtioMmio.InterruptACK, 0x064),
            (VirtioMmio.Status, 0x070), (VirtioMmio.QueueDescLow, 0x080), (VirtioMmio.QueueDescHigh, 0x084),
            (VirtioMmio.QueueDriverLow, 0x090), (VirtioMmio.QueueDriverHigh, 0x094), (VirtioMmio.QueueDeviceLow, 0x0a0),
            (VirtioMmio.QueueDeviceHigh, 0x0a4), (VirtioMmio.ConfigGeneration, 0x0fc), (VirtioMmio.Config, 0x100),
        ];
        foreach (var (actual, spec) in registers)
        {
            Assert.Equal(spec, actual);
        }

        Assert.Equal(0x74726976u, VirtioMmio.Magic);
        Assert.Equal("virt"u8.ToArray(), BitConverter.GetBytes(VirtioMmio.Magic));
        Assert.Equal(0x10001000ul, VirtioMmio.SlotBase);
        Assert.Equal(0x10008000ul, VirtioMmio.SlotAddress(7));
    }

    [Theory]
    [InlineData(8u)]
    [InlineData(16u)]
    [InlineData(128u)]
    [InlineData(256u)]
    [InlineData(1024u)]
    [InlineData(32768u)]
    public void LegacyLayoutMatchesTheSpecsVringSize(uint queueSize)
    {
        // 2.7.2 legacy: desc[N] (16 bytes each), avail (flags, idx, ring[N], used_event), padding to QueueAlign,
        // used (flags, idx, ring[N] of 8 bytes, avail_event).
        static ulong Align(ulong x) => (x + 4095) & ~4095ul;
        ulong availOffset = 16ul * queueSize;
        ulong usedOffset = Align(availOffset + 2 + 2 + 2ul * queueSize + 2);
        ulong total = usedOffset + Align(2 + 2 + 8ul * queueSize + 2);
        Assert.Equal(availOffset, (ulong)VirtqLegacyLayout.AvailOffset(queueSize));
        Assert.Equal(usedOffset, (ulong)VirtqLegacyLayout.UsedOffset(queueSize, 4096));
        Assert.Equal(total, (ulong)VirtqLegacyLayout.TotalSize(queueSize, 4096));
        Assert.Equal(total, Fakes.FakeVirtioBlkDevice.LegacyQueueBytes(queueSize, 4096));
    }

    [Fact]
    public void LegacyLayoutOfSixteenEntriesIsTwoPages()
    {
        Assert.Equal((nuint)256, VirtqLegacyLayout.AvailOffset(16));
        Assert.Equal((nuint)4096, VirtqLegacyLayout.UsedOffset(16, 4096));
        Assert.Equal((nuint)8192, VirtqLegacyLayout.TotalSize(16, 4096));
    }
}
