namespace Kernel.Platform;

using System.Threading;
using Kernel.Drivers.Virtio;

/// <summary>
/// One virtio-mmio register window in physical memory. Without an MMU a device register is just an address;
/// every access is volatile so that the compiler neither drops, merges nor reorders it. The driver takes this
/// as a generic struct parameter, so the calls are static and inline to single loads and stores.
/// </summary>
public readonly unsafe struct MmioRegisters : IMmioRegisters
{
    private readonly nuint _base;

    public MmioRegisters(nuint baseAddress) => _base = baseAddress;

    public nuint BaseAddress => _base;

    public uint Read32(uint offset) => Volatile.Read(ref *(uint*)(_base + offset));

    public void Write32(uint offset, uint value) => Volatile.Write(ref *(uint*)(_base + offset), value);

    public byte Read8(uint offset) => Volatile.Read(ref *(byte*)(_base + offset));

    public void Write8(uint offset, byte value) => Volatile.Write(ref *(byte*)(_base + offset), value);
}
