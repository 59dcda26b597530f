using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The handshake's refusals and every request type against every status code, on both register interfaces
/// (InitializationTests and DeviceErrorTests cover the legacy one alone, and reads and writes alone).</summary>
public unsafe class TransportMatrixTests
{
    const uint AckDriver = VirtioDeviceStatus.Acknowledge | VirtioDeviceStatus.Driver;

    static Rig TransportRig(bool modern, Action<FakeVirtioBlkDevice>? configure = null) =>
        new(configure: d =>
        {
            if (modern)
            {
                d.Version = VirtioMmio.VersionModern;
                d.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
            }

            configure?.Invoke(d);
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheHandshakeSucceedsAndEveryRequestTypeWorks(bool modern)
    {
        using var rig = TransportRig(modern, d => d.Serial = "matrix").Started();
        uint live = AckDriver | VirtioDeviceStatus.DriverOk | (modern ? VirtioDeviceStatus.FeaturesOk : 0);
        Assert.Equal(live, rig.Device.Status);
        Assert.Equal(modern ? 2u : 1u, rig.Driver.TransportVersion);
        Span<byte> data = rig.Buffer(1024);
        new Random(4).NextBytes(data);
        Assert.Equal(BlockError.None, rig.Driver.Write(5, data));
        Span<byte> back = rig.Buffer(1024);
        Assert.Equal(BlockError.None, rig.Driver.Read(5, back));
        Assert.True(back.SequenceEqual(data));
        Assert.Equal(BlockError.None, rig.Driver.Flush());
        Span<byte> id = rig.Buffer(20);
        Assert.Equal(BlockError.None, rig.Driver.GetId(id));
        Assert.True(id[..6].SequenceEqual("matrix"u8));
        Assert.Equal(
            [VirtioBlkReqHeader.VIRTIO_BLK_T_OUT, VirtioBlkReqHeader.VIRTIO_BLK_T_IN, VirtioBlkReqHeader.VIRTIO_BLK_T_FLUSH,
             VirtioBlkReqHeader.VIRTIO_BLK_T_GET_ID],
            rig.Device.Requests.Select(r => r.Type));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AWrongMagicValueIsRefusedWithoutTouchingTheDevice(bool modern)
    {
        using var rig = TransportRig(modern, d => d.MagicValue = 0x74726976 ^ 0x20);   // "virt" with one bit wrong
        Assert.Equal(BlockError.BadMagic, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);
        Assert.Equal(BlockError.NoDevice, rig.Driver.Read(0, rig.Buffer(512)));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(3u)]
    [InlineData(0x100u)]
    public void AWrongVersionIsUnsupported(uint version)
    {
        using var rig = TransportRig(modern: true, d => d.Version = version);
        Assert.Equal(BlockError.UnsupportedVersion, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);   // 4.2.3.1.1: untouched
        Assert.Equal(BlockError.NoDevice, rig.Driver.Read(0, rig.Buffer(512)));
        Assert.Equal(0, rig.Device.NotifyCount);
    }

    [Theory]
    [InlineData(false, 0u, BlockError.NoDevice)]
    [InlineData(true, 0u, BlockError.NoDevice)]
    [InlineData(false, 1u, BlockError.NotBlockDevice)]
    [InlineData(true, 1u, BlockError.NotBlockDevice)]
    [InlineData(true, 3u, BlockError.NotBlockDevice)]
    [InlineData(true, 0xffffffffu, BlockError.NotBlockDevice)]
    public void AWrongDeviceIdIsRefused(bool modern, uint deviceId, BlockError expected)
    {
        using var rig = TransportRig(modern, d => d.DeviceId = deviceId);
        Assert.Equal(expected, rig.Initialize());
        Assert.Empty(rig.Device.StatusWrites);   // 4.2.3.1.1: untouched
        Assert.False(rig.Device.QueueReady);
        Assert.Equal(0u, rig.Device.QueuePfn);
        Assert.Equal(BlockError.NoDevice, rig.Driver.Read(0, rig.Buffer(512)));
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false, 0u)]
    [InlineData(true, 0u)]
    [InlineData(true, 1u)]
    [InlineData(true, 2u)]
    public void QueueNumMaxZeroOrTooSmallIsUnavailable(bool modern, uint queueNumMax)
    {
        using var rig = TransportRig(modern, d => d.QueueNumMax = queueNumMax);
        Assert.Equal(BlockError.QueueUnavailable, rig.Initialize());
        uint expected = AckDriver | VirtioDeviceStatus.Failed | (modern ? VirtioDeviceStatus.FeaturesOk : 0);
        Assert.Equal(expected, rig.Device.Status);
        Assert.False(rig.Device.QueueReady);
        Assert.Equal(0u, rig.Device.QueuePfn);
        Assert.Equal(BlockError.NoDevice, rig.Driver.Read(0, rig.Buffer(512)));
        Assert.Equal(0, rig.Device.NotifyCount);
        rig.AssertClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ADeviceThatNeedsAResetAtDriverOkIsReported(bool modern)
    {
        using var rig = TransportRig(modern, d => d.NeedsResetOnDriverOk = true);
        Assert.Equal(BlockError.DeviceNeedsReset, rig.Initialize());
        Assert.NotEqual(0u, rig.Device.Status & VirtioDeviceStatus.Failed);
        Assert.Equal(BlockError.NoDevice, rig.Driver.Read(0, rig.Buffer(512)));
    }

    public static TheoryData<bool, BlockOp, byte, BlockError> RequestTypesAndStatuses()
    {
        var data = new TheoryData<bool, BlockOp, byte, BlockError>();
        (byte, BlockError)[] statuses =
        [
            (VirtioBlkStatus.VIRTIO_BLK_S_OK, BlockError.None),
            (VirtioBlkStatus.VIRTIO_BLK_S_IOERR, BlockError.IoError),
            (VirtioBlkStatus.VIRTIO_BLK_S_UNSUPP, BlockError.Unsupported),
            (3, BlockError.DeviceError),
            (0x7f, BlockError.DeviceError),
        ];
        foreach (bool modern in new[] { false, true })
        {
            foreach (BlockOp op in new[] { BlockOp.Read, BlockOp.Write, BlockOp.Flush, BlockOp.GetId })
            {
                foreach ((byte status, BlockError expected) in statuses)
                {
                    data.Add(modern, op, status, expected);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequestTypesAndStatuses))]
    public void EveryRequestTypeMapsEveryStatus(bool modern, BlockOp op, byte status, BlockError expected)
    {
        using var rig = TransportRig(modern).Started();
        Span<byte> buffer = rig.Buffer(op == BlockOp.GetId ? 20 : 1024);
        buffer.Fill(0x3c);
        rig.Device.ForcedStatus = status;
        BlockError result = op switch
        {
            BlockOp.Read => rig.Driver.Read(2, buffer),
            BlockOp.Write => rig.Driver.Write(2, buffer),
            BlockOp.Flush => rig.Driver.Flush(),
            _ => rig.Driver.GetId(buffer),
        };
        Assert.Equal(expected, result);
        FakeRequest request = Assert.Single(rig.Device.Requests);
        Assert.Equal(op switch
        {
            BlockOp.Read => VirtioBlkReqHeader.VIRTIO_BLK_T_IN,
            BlockOp.Write => VirtioBlkReqHeader.VIRTIO_BLK_T_OUT,
            BlockOp.Flush => VirtioBlkReqHeader.VIRTIO_BLK_T_FLUSH,
            _ => VirtioBlkReqHeader.VIRTIO_BLK_T_GET_ID,
        }, request.Type);
        Assert.Equal(status, request.Status);

        // A status byte, even an unknown one, fails only its request: the device is still in use.
        rig.Device.ForcedStatus = null;
        Assert.True(rig.Driver.IsReady);
        Span<byte> check = rig.Buffer(512);
        Assert.Equal(BlockError.None, rig.Driver.Read(7, check));
        Assert.True(check.SequenceEqual(rig.OriginalSectors(7, 1)));
        Assert.Equal(rig.Original, rig.Device.Disk);   // the forced status left the disk alone
        rig.AssertClean();
    }
}
