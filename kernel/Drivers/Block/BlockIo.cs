using System;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Block;

/// <summary>Byte-granular access to a sector device: the unaligned head and tail of a range go through a one-sector
/// bounce buffer (read-modify-write for writes), the aligned middle goes straight to the caller's memory in one
/// request. Both buffers must be reachable by the device (no MMU: any RAM).</summary>
public static class BlockIo
{
    /// <summary>The sector size of every <see cref="IBlockDevice"/>.</summary>
    public const int SectorSize = 512;

    /// <summary>Reads <c>destination.Length</c> bytes starting at byte <paramref name="offset"/> of the disk.
    /// <paramref name="sectorBuffer"/> (at least 512 bytes) is scratch for partial sectors.</summary>
    public static BlockError ReadBytes<TDevice>(ref TDevice device, ulong offset, Span<byte> destination, Span<byte> sectorBuffer)
        where TDevice : struct, IBlockDevice
    {
        BlockError error = CheckRange(ref device, offset, destination.Length, sectorBuffer.Length);
        if (error != BlockError.None)
        {
            return error;
        }

        Span<byte> bounce = sectorBuffer.Slice(0, SectorSize);
        ulong sector = offset / SectorSize;
        int within = (int)(offset % SectorSize);
        int done = 0;
        while (done < destination.Length)
        {
            int remaining = destination.Length - done;
            if (within == 0 && remaining >= SectorSize)
            {
                int whole = remaining - remaining % SectorSize;
                error = device.Read(sector, destination.Slice(done, whole));
                if (error != BlockError.None)
                {
                    return error;
                }

                done += whole;
                sector += (ulong)(whole / SectorSize);
                continue;
            }

            error = device.Read(sector, bounce);
            if (error != BlockError.None)
            {
                return error;
            }

            int take = Math.Min(SectorSize - within, remaining);
            bounce.Slice(within, take).CopyTo(destination.Slice(done, take));
            done += take;
            sector++;
            within = 0;
        }

        return BlockError.None;
    }

    /// <summary>Writes <paramref name="source"/> at byte <paramref name="offset"/> of the disk; partial sectors are
    /// read into <paramref name="sectorBuffer"/> (at least 512 bytes), patched and written back.</summary>
    public static BlockError WriteBytes<TDevice>(ref TDevice device, ulong offset, ReadOnlySpan<byte> source, Span<byte> sectorBuffer)
        where TDevice : struct, IBlockDevice
    {
        BlockError error = CheckRange(ref device, offset, source.Length, sectorBuffer.Length);
        if (error != BlockError.None)
        {
            return error;
        }

        if (device.IsReadOnly && source.Length != 0)
        {
            return BlockError.ReadOnly;
        }

        Span<byte> bounce = sectorBuffer.Slice(0, SectorSize);
        ulong sector = offset / SectorSize;
        int within = (int)(offset % SectorSize);
        int done = 0;
        while (done < source.Length)
        {
            int remaining = source.Length - done;
            if (within == 0 && remaining >= SectorSize)
            {
                int whole = remaining - remaining % SectorSize;
                error = device.Write(sector, source.Slice(done, whole));
                if (error != BlockError.None)
                {
                    return error;
                }

                done += whole;
                sector += (ulong)(whole / SectorSize);
                continue;
            }

            error = device.Read(sector, bounce);
            if (error != BlockError.None)
            {
                return error;
            }

            int take = Math.Min(SectorSize - within, remaining);
            source.Slice(done, take).CopyTo(bounce.Slice(within, take));
            error = device.Write(sector, bounce);
            if (error != BlockError.None)
            {
                return error;
            }

            done += take;
            sector++;
            within = 0;
        }

        return BlockError.None;
    }

    static BlockError CheckRange<TDevice>(ref TDevice device, ulong offset, int length, int sectorBufferLength)
        where TDevice : struct, IBlockDevice
    {
        if (sectorBufferLength < SectorSize)
        {
            return BlockError.BadBuffer;
        }

        ulong capacity = device.CapacitySectors;
        ulong bytes = capacity > ulong.MaxValue / SectorSize ? ulong.MaxValue : capacity * SectorSize;
        if (offset > bytes || (ulong)length > bytes - offset)
        {
            return BlockError.OutOfRange;
        }

        return BlockError.None;
    }
}
