using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>The <see cref="IMmioRegisters"/> the driver gets in the tests: a struct, as in the kernel, whose
/// accesses go to a <see cref="FakeVirtioBlkDevice"/>.</summary>
public readonly struct FakeRegisters(FakeVirtioBlkDevice device) : IMmioRegisters
{
    public FakeVirtioBlkDevice Device => device;

    public uint Read32(uint offset) => device.Read32(offset);

    public void Write32(uint offset, uint value) => device.Write32(offset, value);

    public byte Read8(uint offset) => device.Read8(offset);

    public void Write8(uint offset, byte value) => device.Write8(offset, value);

    public int ResetPollLimit => device.ResetPollLimit;
}
