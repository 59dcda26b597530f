using Kernel.Drivers.Tests.Fakes;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests;

/// <summary>The three queues a test can run on: the split ring on either register interface, or the packed ring
/// (modern only: VIRTIO_F_RING_PACKED is bit 34, which the legacy interface cannot offer).</summary>
public enum RingKind
{
    LegacySplit,
    ModernSplit,
    ModernPacked,
}

/// <summary>Sets up the fake device for a <see cref="RingKind"/>: the interface and the QEMU-like features offered
/// (with <c>packed=on</c> for the packed ring; the driver takes it by default).</summary>
public static class Rings
{
    public static void Configure(FakeVirtioBlkDevice device, RingKind kind)
    {
        switch (kind)
        {
            case RingKind.LegacySplit:
                device.Version = VirtioMmio.VersionLegacy;
                device.HostFeatures = FakeVirtioBlkDevice.QemuLikeFeatures;
                break;
            case RingKind.ModernSplit:
                device.Version = VirtioMmio.VersionModern;
                device.HostFeatures = FakeVirtioBlkDevice.ModernQemuLikeFeatures;
                break;
            default:
                device.Version = VirtioMmio.VersionModern;
                device.HostFeatures = FakeVirtioBlkDevice.ModernQemuPackedFeatures;
                break;
        }
    }

    /// <summary>A rig on <paramref name="kind"/>, completion <paramref name="completion"/>, then
    /// <paramref name="more"/>.</summary>
    public static Rig Rig(RingKind kind, CompletionMode completion = CompletionMode.Immediate, bool interrupts = false,
        int sectors = 256, uint queueNumMax = 256, Action<FakeVirtioBlkDevice>? more = null) =>
        new(sectors, arenaBytes: 8 << 20, interrupts: interrupts, configure: d =>
        {
            Configure(d, kind);
            d.Completion = completion;
            d.QueueNumMax = queueNumMax;
            more?.Invoke(d);
        });

    /// <summary>The driver is on the ring <paramref name="kind"/> asks for, and the device agrees.</summary>
    public static void AssertRing(Rig rig, RingKind kind)
    {
        bool packed = kind == RingKind.ModernPacked;
        Assert.Equal(packed, rig.Driver.UsesPackedRing);
        Assert.Equal(packed, rig.Device.Packed);
        Assert.Equal(packed, (rig.Driver.AcceptedFeatures & VirtioBlkFeatures.RingPacked) != 0);
    }
}
