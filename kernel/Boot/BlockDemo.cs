namespace Kernel.Boot;

using System;
using Kernel.Checksum;
using Kernel.Drivers.Block;
using Kernel.Drivers.Virtio;
using Kernel.Output;

/// <summary>
/// The disk part of the boot: the "Operating System in 1000 Lines" tutorial's Disk I/O demo (print sector 0 as
/// text, then write <c>hello from kernel!!!\n</c> into it) and the command line's test modes
/// (<c>blk.checksum</c>, <c>blk.read</c>), which replace the demo's write. Every driver error is printed as
/// <c>virtio-blk: error: ...</c> and turns into exit status 1.
/// </summary>
public static class BlockDemo
{
    /// <summary>virtio-blk's unit of transfer, whatever the disk's own block size (virtio 1.2, 5.2.6).</summary>
    public const int SectorSize = 512;

    /// <summary>How many bytes <c>blk.read</c> shows.</summary>
    public const int ReadPreviewBytes = 16;

    /// <summary>The tutorial's text; <see cref="Run"/> writes it followed by its C string terminator.</summary>
    private static ReadOnlySpan<byte> Greeting => "hello from kernel!!!\n"u8;

    /// <summary>Runs the demo or the test modes on <paramref name="disk"/> (blk0, initialised). Returns the exit
    /// status: 0, or 1 after printing the first error.</summary>
    public static int Run<TDevice>(ref TDevice disk, in KernelOptions options)
        where TDevice : struct, IBlockDevice
    {
        BlockError error;
        ulong sectors = disk.CapacitySectors;
        Print.Text("virtio-blk: capacity is ");
        Print.Decimal(sectors > ulong.MaxValue / SectorSize ? ulong.MaxValue : sectors * SectorSize);
        Print.Line(" bytes");

        // The tutorial's buffer: the stack is ordinary physical memory here, so the device can reach it. One logical
        // block (512 bytes, or 4096 on a disk with logical_block_size=4096): the device reads and writes no less.
        uint blockSize = disk.BlockSize;
        Span<byte> block = stackalloc byte[(int)VirtioBlk<Platform.MmioRegisters, Memory.PageAllocator, Platform.PollingWait>.MaxBlockSize];
        block = block.Slice(0, (int)blockSize);
        Span<byte> sector = block.Slice(0, SectorSize);
        error = disk.Read(0, block);
        if (error != BlockError.None)
        {
            return Fail(error);
        }

        Print.Text("first sector: ");
        Print.Ascii(sector);
        Print.Line();

        for (int i = 0; i < options.ChecksumCount; i++)
        {
            ulong number = options.GetChecksumSector(i);
            error = ReadSector(ref disk, number, block, out Span<byte> found);
            if (error != BlockError.None)
            {
                return Fail(error);
            }

            Console.WriteLine($"blk: sector {number} crc32 0x{Crc32.Compute(found):x8}");
        }

        if (options.HasRead)
        {
            error = ReadSector(ref disk, options.ReadSector, block, out Span<byte> found);
            if (error != BlockError.None)
            {
                return Fail(error);
            }

            Print.Text("blk: sector ");
            Print.Decimal(options.ReadSector);
            Print.Text(" starts with ");
            Print.HexBytes(found.Slice(0, ReadPreviewBytes));
            Print.Line();
        }

        if (options.HasTestMode || !options.Demo)
        {
            return 0;
        }

        // strcpy in the tutorial: the text and its NUL; the rest of the block keeps what the disk had.
        error = disk.Read(0, block);
        if (error != BlockError.None)
        {
            return Fail(error);
        }

        Greeting.CopyTo(sector);
        sector[Greeting.Length] = 0;
        error = disk.Write(0, block);
        if (error == BlockError.None)
        {
            error = disk.Flush();
        }

        if (error != BlockError.None)
        {
            return Fail(error);
        }

        // Read it back: a write the device acknowledged but did not make is worth a failure status.
        Span<byte> check = stackalloc byte[(int)blockSize];
        error = disk.Read(0, check);
        if (error != BlockError.None)
        {
            return Fail(error);
        }

        if (!check.SequenceEqual(block))
        {
            Print.Line("virtio-blk: error: sector 0 reads back different from what was written");
            return 1;
        }

        Print.Text("virtio-blk: wrote sector 0: ");
        Print.Ascii(check.Slice(0, SectorSize));
        return 0;
    }

    /// <summary>Reads the logical block holding 512-byte sector <paramref name="number"/> into
    /// <paramref name="block"/>; <paramref name="sector"/> is that sector's bytes in it.</summary>
    private static BlockError ReadSector<TDevice>(ref TDevice disk, ulong number, Span<byte> block, out Span<byte> sector)
        where TDevice : struct, IBlockDevice
    {
        ulong perBlock = (ulong)block.Length / SectorSize;
        BlockError error = disk.Read(number - number % perBlock, block);
        sector = block.Slice((int)(number % perBlock) * SectorSize, SectorSize);
        return error;
    }

    private static int Fail(BlockError error)
    {
        Print.Text("virtio-blk: error: ");
        Print.Line(BlockErrors.Describe(error));
        return 1;
    }
}
