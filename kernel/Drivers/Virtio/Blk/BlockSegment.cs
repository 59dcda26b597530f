namespace Kernel.Drivers.Virtio;

/// <summary>One piece of a request's data: <see cref="Length"/> bytes at <see cref="Address"/>, contiguous for the
/// device (the kernel has no MMU: any RAM). A request's data is one or more segments, in order; the driver splits a
/// segment further where the device's limits (SIZE_MAX) require. The memory must stay valid, and untouched by the
/// caller, until the request's result has been collected.</summary>
public readonly unsafe struct BlockSegment
{
    /// <summary>The first byte (a pointer; the driver hands the device its bus address).</summary>
    public readonly void* Address;

    /// <summary>The number of bytes, at least 1.</summary>
    public readonly uint Length;

    public BlockSegment(void* address, uint length)
    {
        Address = address;
        Length = length;
    }
}
