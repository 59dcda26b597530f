using System;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Block;

/// <summary>A disk addressed in 512-byte sectors and read and written in whole logical blocks, as the layers above a driver see it. Implemented by structs and used through
/// generic constraints (<c>where TDevice : struct, IBlockDevice</c>), so calls are static. Errors are
/// <see cref="BlockError"/> values, as the virtio driver reports them.</summary>
public interface IBlockDevice
{
    /// <summary>The size of the disk in 512-byte sectors.</summary>
    ulong CapacitySectors { get; }

    /// <summary>The logical block in bytes (a power of two, 512 to 4096): every read and write covers whole, aligned
    /// blocks (<see cref="BlockError.Misaligned"/> otherwise). <see cref="BlockIo"/> works in these.</summary>
    uint BlockSize { get; }

    /// <summary>Writes are refused with <see cref="BlockError.ReadOnly"/>.</summary>
    bool IsReadOnly { get; }

    /// <summary>Reads <c>buffer.Length / 512</c> sectors from <paramref name="sector"/>; the sector and the length must
    /// be whole blocks (<see cref="BlockSize"/>) and the buffer reachable by the device.</summary>
    BlockError Read(ulong sector, Span<byte> buffer);

    /// <summary>Writes <c>buffer.Length / 512</c> sectors at <paramref name="sector"/>.</summary>
    BlockError Write(ulong sector, ReadOnlySpan<byte> buffer);

    /// <summary>Makes completed writes durable.</summary>
    BlockError Flush();
}
