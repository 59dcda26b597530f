using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Tests.Fakes;

/// <summary>The <see cref="IDmaMemory"/> the driver gets in the tests: a struct, as in the kernel, over a
/// <see cref="DmaArena"/>.</summary>
public readonly unsafe struct TestDma(DmaArena arena) : IDmaMemory
{
    public DmaArena Arena => arena;

    public void* AllocateZeroed(nuint bytes, nuint alignment) => arena.AllocateZeroed(bytes, alignment);

    public ulong BusAddress(void* pointer) => arena.BusAddress(pointer);
}
