namespace Kernel.Drivers.Virtio;

/// <summary>The register window of one virtio-mmio transport (virtio 1.x, 4.2.2). The driver is written
/// against this interface, passed as a generic struct parameter: in the kernel it is a volatile access to
/// physical memory (<c>Kernel.Platform.MmioRegisters</c>), statically dispatched and inlined; in the host
/// tests it is a fake device in memory.</summary>
public interface IMmioRegisters
{
    /// <summary>A 32-bit read of the register at <paramref name="offset"/> bytes from the window's base.</summary>
    uint Read32(uint offset);

    /// <summary>A 32-bit write of the register at <paramref name="offset"/>.</summary>
    void Write32(uint offset, uint value);

    /// <summary>An 8-bit read of the device-specific configuration space (offset 0x100 and up).</summary>
    byte Read8(uint offset);

    /// <summary>An 8-bit write of the device-specific configuration space: the width of a u8 field (4.2.2.2), such
    /// as virtio-blk's <c>writeback</c>.</summary>
    void Write8(uint offset, byte value);

    /// <summary>How many reads of Status a reset waits for it to read back 0 (4.2.3.1) before the driver counts the
    /// reset as never completing (3.3.1: the device may still own every buffer it was given). The kernel's windows
    /// keep this default; the fuzzer's fake device allows fewer, since a held reset's million reads decide nothing
    /// it checks.</summary>
    int ResetPollLimit => 1_000_000;
}
