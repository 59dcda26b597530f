namespace Kernel.DeviceTree;

using System;

/// <summary>
/// A flattened device tree blob (devicetree specification 0.4, chapter 5) whose header has been checked: the
/// magic, the version, and that the structure block, the strings block and the memory reservation block all lie
/// inside <c>totalsize</c>. Everything read afterwards goes through spans bounded by those blocks, so a corrupt
/// tree ends a walk with an error instead of reading out of bounds or looping.
/// </summary>
public readonly unsafe struct FlattenedDeviceTree
{
    public const uint Magic = 0xD00D_FEED;

    /// <summary>The version 17 header: ten big-endian 32-bit fields.</summary>
    public const uint HeaderSize = 40;

    /// <summary>Larger blobs are refused: QEMU's are a few KiB, and Linux refuses more than 2 MiB too. The cap
    /// keeps a garbage <c>totalsize</c> from sending the reader far through memory.</summary>
    public const uint MaxTotalSize = 2 * 1024 * 1024;

    private readonly byte* _blob;
    private readonly uint _totalSize;
    private readonly uint _structOffset;
    private readonly uint _structSize;
    private readonly uint _stringsOffset;
    private readonly uint _stringsSize;
    private readonly uint _reservationsOffset;

    private FlattenedDeviceTree(byte* blob, uint totalSize, uint structOffset, uint structSize, uint stringsOffset,
        uint stringsSize, uint reservationsOffset)
    {
        _blob = blob;
        _totalSize = totalSize;
        _structOffset = structOffset;
        _structSize = structSize;
        _stringsOffset = stringsOffset;
        _stringsSize = stringsSize;
        _reservationsOffset = reservationsOffset;
    }

    public nuint Address => (nuint)_blob;

    public uint TotalSize => _totalSize;

    public ReadOnlySpan<byte> Structure => new ReadOnlySpan<byte>(_blob + _structOffset, (int)_structSize);

    public ReadOnlySpan<byte> Strings => new ReadOnlySpan<byte>(_blob + _stringsOffset, (int)_stringsSize);

    /// <summary>
    /// Checks the header at <paramref name="address"/>. The caller vouches that the first
    /// <see cref="HeaderSize"/> bytes are readable memory (an address in RAM); everything else is checked.
    /// </summary>
    public static bool TryOpen(nuint address, out FlattenedDeviceTree tree, out string error)
    {
        tree = default;
        // The specification places the blob 8-byte aligned; QEMU does. Null and odd addresses are garbage.
        if (address == 0)
        {
            error = "no address";
            return false;
        }

        if ((address & 7) != 0 || address + HeaderSize < address)
        {
            error = "misaligned address";
            return false;
        }

        var header = new ReadOnlySpan<byte>((void*)address, (int)HeaderSize);
        if (ReadBigEndian32(header, 0) != Magic)
        {
            error = "bad magic";
            return false;
        }

        uint totalSize = ReadBigEndian32(header, 4);
        uint structOffset = ReadBigEndian32(header, 8);
        uint stringsOffset = ReadBigEndian32(header, 12);
        uint reservationsOffset = ReadBigEndian32(header, 16);
        uint version = ReadBigEndian32(header, 20);
        uint lastCompatibleVersion = ReadBigEndian32(header, 24);
        uint stringsSize = ReadBigEndian32(header, 32);
        uint structSize = ReadBigEndian32(header, 36);
        // Version 16 is the oldest layout this reads (it lacks size_dt_struct: the block then runs to the end);
        // a blob whose oldest compatible version is newer than 17 has a layout this does not know.
        if (version < 16 || lastCompatibleVersion > 17)
        {
            error = "unsupported version";
            return false;
        }

        if (version < 17)
        {
            structSize = totalSize > structOffset ? totalSize - structOffset : 0;
        }

        if (totalSize < HeaderSize || totalSize > MaxTotalSize || address + totalSize < address)
        {
            error = "bad total size";
            return false;
        }

        // 64-bit sums: offset + size cannot wrap. The structure block holds 32-bit tokens, the reservation
        // block 64-bit pairs: both start aligned.
        if ((structOffset & 3) != 0 || (ulong)structOffset + structSize > totalSize || structOffset < HeaderSize
            || (ulong)stringsOffset + stringsSize > totalSize || stringsOffset < HeaderSize
            || (reservationsOffset & 7) != 0 || reservationsOffset < HeaderSize || reservationsOffset > totalSize)
        {
            error = "blocks outside the blob";
            return false;
        }

        tree = new FlattenedDeviceTree((byte*)address, totalSize, structOffset, structSize, stringsOffset,
            stringsSize, reservationsOffset);
        error = "";
        return true;
    }

    /// <summary>Entry <paramref name="index"/> of the memory reservation block (<c>/memreserve/</c>): false at
    /// the terminating all-zero entry or the end of the blob.</summary>
    public bool TryGetReservation(int index, out ulong address, out ulong size)
    {
        address = 0;
        size = 0;
        ulong offset = _reservationsOffset + (ulong)index * 16;
        if (index < 0 || offset + 16 > _totalSize)
        {
            return false;
        }

        var entry = new ReadOnlySpan<byte>(_blob + (nuint)offset, 16);
        address = ReadBigEndian64(entry, 0);
        size = ReadBigEndian64(entry, 8);
        return address != 0 || size != 0;
    }

    /// <summary>A walker over the structure block, from the root node.</summary>
    public FdtWalker Walk() => new FdtWalker(Structure, Strings);

    public static uint ReadBigEndian32(ReadOnlySpan<byte> bytes, int offset) =>
        (uint)bytes[offset] << 24 | (uint)bytes[offset + 1] << 16 | (uint)bytes[offset + 2] << 8 | bytes[offset + 3];

    public static ulong ReadBigEndian64(ReadOnlySpan<byte> bytes, int offset) =>
        (ulong)ReadBigEndian32(bytes, offset) << 32 | ReadBigEndian32(bytes, offset + 4);
}
