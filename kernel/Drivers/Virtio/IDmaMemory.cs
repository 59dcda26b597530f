namespace Kernel.Drivers.Virtio;

/// <summary>Memory the device reads and writes by bus address (virtqueues, request headers, status bytes).
/// In the kernel a bus address is the physical address behind a kernel pointer (the same address in the RAM window,
/// a page-table walk elsewhere: <c>KernelAddressSpace.ToPhysical</c>); the host tests hand out pinned host memory that
/// the fake device reads through the same addresses.</summary>
public unsafe interface IDmaMemory
{
    /// <summary>Zeroed memory of <paramref name="bytes"/> bytes aligned to <paramref name="alignment"/> (a power
    /// of two, at most 4096), or null when there is none left. Never freed: drivers allocate at start-up. One
    /// allocation is contiguous for the device too: byte <c>i</c> of it is at <c>BusAddress(start) + i</c> (a
    /// virtqueue's areas, the request slots and the indirect tables are addressed so).</summary>
    void* AllocateZeroed(nuint bytes, nuint alignment);

    /// <summary>The address the device uses for <paramref name="pointer"/>.</summary>
    ulong BusAddress(void* pointer);
}
