using System;
using Kernel.Drivers.Virtio;

namespace Kernel.Drivers.Block;

/// <summary>Byte-granular access to a block device: the unaligned head and tail of a range go through a one-block
/// bounce buffer (read-modify-write for writes), the aligned middle goes straight to the caller's memory in one
/// request. The block is the device's logical block (<see cref="IBlockDevice.BlockSize"/>: 512 bytes, or e.g. 4096 on
/// a disk with <c>logical_block_size=4096</c>), so every request the device sees is whole, aligned blocks. Both
/// buffers must be reachable by the device (no MMU: any RAM).</summary>
public static class BlockIo
{
    /// <summary>The unit of sector numbers of every <see cref="IBlockDevice"/> (virtio 5.2.6).</summary>
    public const int SectorSize = 512;

    /// <summary>Reads <c>destination.Length</c> bytes starting at byte <paramref name="offset"/> of the disk.
    /// <paramref name="blockBuffer"/> (at least one block) is scratch for partial blocks.</summary>
    public static BlockError ReadBytes<TDevice>(ref TDevice device, ulong offset, Span<byte> destination, Span<byte> blockBuffer)
        where TDevice : struct, IBlockDevice
    {
        BlockError error = CheckRange(ref device, offset, destination.Length, blockBuffer.Length, out int block);
        if (error != BlockError.None)
        {
            return error;
        }

        Span<byte> bounce = blockBuffer.Slice(0, block);
        ulong sectorsPerBlock = (ulong)(block / SectorSize);
        ulong index = offset / (ulong)block;
        int within = (int)(offset % (ulong)block);
        int done = 0;
        while (done < destination.Length)
        {
            int remaining = destination.Length - done;
            if (within == 0 && remaining >= block)
            {
                int whole = remaining - remaining % block;
                error = device.Read(index * sectorsPerBlock, destination.Slice(done, whole));
                if (error != BlockError.None)
                {
                    return error;
                }

                done += whole;
                index += (ulong)(whole / block);
                continue;
            }

            error = device.Read(index * sectorsPerBlock, bounce);
            if (error != BlockError.None)
            {
                return error;
            }

            int take = Math.Min(block - within, remaining);
            bounce.Slice(within, take).CopyTo(destination.Slice(done, take));
            done += take;
            index++;
            within = 0;
        }

        return BlockError.None;
    }

    /// <summary>Writes <paramref name="source"/> at byte <paramref name="offset"/> of the disk; partial blocks are
    /// read into <paramref name="blockBuffer"/> (at least one block), patched and written back.</summary>
    public static BlockError WriteBytes<TDevice>(ref TDevice device, ulong offset, ReadOnlySpan<byte> source, Span<byte> blockBuffer)
        where TDevice : struct, IBlockDevice
    {
        BlockError error = CheckRange(ref device, offset, source.Length, blockBuffer.Length, out int block);
        if (error != BlockError.None)
        {
            return error;
        }

        if (device.IsReadOnly && source.Length != 0)
        {
            return BlockError.ReadOnly;
        }

        Span<byte> bounce = blockBuffer.Slice(0, block);
        ulong sectorsPerBlock = (ulong)(block / SectorSize);
        ulong index = offset / (ulong)block;
        int within = (int)(offset % (ulong)block);
        int done = 0;
        while (done < source.Length)
        {
            int remaining = source.Length - done;
            if (within == 0 && remaining >= block)
            {
                int whole = remaining - remaining % block;
                error = device.Write(index * sectorsPerBlock, source.Slice(done, whole));
                if (error != BlockError.None)
                {
                    return error;
                }

                done += whole;
                index += (ulong)(whole / block);
                continue;
            }

            error = device.Read(index * sectorsPerBlock, bounce);
            if (error != BlockError.None)
            {
                return error;
            }

            int take = Math.Min(block - within, remaining);
            source.Slice(done, take).CopyTo(bounce.Slice(within, take));
            error = device.Write(index * sectorsPerBlock, bounce);
            if (error != BlockError.None)
            {
                return error;
            }

            done += take;
            index++;
            within = 0;
        }

        return BlockError.None;
    }

    /// <summary>The range must lie within the disk's whole blocks; the scratch buffer must hold a block.</summary>
    static BlockError CheckRange<TDevice>(ref TDevice device, ulong offset, int length, int blockBufferLength, out int block)
        where TDevice : struct, IBlockDevice
    {
        uint size = device.BlockSize;
        block = size < SectorSize ? SectorSize : (int)size;
        if (blockBufferLength < block)
        {
            return BlockError.BadBuffer;
        }

        ulong blocks = device.CapacitySectors / (ulong)(block / SectorSize);
        ulong bytes = blocks > ulong.MaxValue / (ulong)block ? ulong.MaxValue : blocks * (ulong)block;
        if (offset > bytes || (ulong)length > bytes - offset)
        {
            return BlockError.OutOfRange;
        }

        return BlockError.None;
    }
}
