namespace Kernel.Processes;

using System;
using System.Buffers.Binary;

/// <summary>
/// A user program's ELF file (System V ABI, ELF-32 and ELF-64, little-endian RISC-V executables) as the kernel
/// embeds it: the header and the PT_LOAD program headers, every field checked before it is used: the class must be
/// the kernel's own (ELF-32 on rv32, ELF-64 on rv64), each segment must lie inside the file and inside the user
/// range. <see cref="ProgramLoader"/> maps the segments. Runs on the host too (tests/Paging.Tests).
/// </summary>
public readonly ref struct ElfImage
{
    const uint PtLoad = 1;
    const ushort EtExec = 2;
    const ushort EmRiscV = 243;

    /// <summary>p_flags.</summary>
    public const uint PfX = 1, PfW = 2, PfR = 4;

    readonly ReadOnlySpan<byte> _file;
    readonly bool _is64;
    readonly ulong _phoff;
    readonly int _phentsize;
    readonly int _phnum;

    public ulong Entry { get; }

    public int SegmentCount => _phnum;

    ElfImage(ReadOnlySpan<byte> file, bool is64, ulong entry, ulong phoff, int phentsize, int phnum)
    {
        _file = file;
        _is64 = is64;
        Entry = entry;
        _phoff = phoff;
        _phentsize = phentsize;
        _phnum = phnum;
    }

    /// <summary>Reads the header of <paramref name="file"/>; null and the image, or why it is not a program this
    /// kernel can run (<paramref name="want64"/>: the kernel's own class).</summary>
    public static string? TryOpen(ReadOnlySpan<byte> file, bool want64, ulong userStart, ulong userEnd, out ElfImage image)
    {
        image = default;
        if (file.Length < 52 || file[0] != 0x7F || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
        {
            return "not an ELF file";
        }

        bool is64 = file[4] == 2;
        if (file[4] != 1 && file[4] != 2)
        {
            return "unknown ELF class";
        }

        if (is64 != want64)
        {
            return want64 ? "an ELF-32 file on rv64" : "an ELF-64 file on rv32";
        }

        if (file[5] != 1)
        {
            return "not little-endian";
        }

        if (is64 && file.Length < 64)
        {
            return "truncated ELF header";
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(16)) != EtExec)
        {
            return "not an executable (ET_EXEC)";
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(18)) != EmRiscV)
        {
            return "not a RISC-V program";
        }

        ulong entry = is64 ? BinaryPrimitives.ReadUInt64LittleEndian(file.Slice(24)) : BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(24));
        ulong phoff = is64 ? BinaryPrimitives.ReadUInt64LittleEndian(file.Slice(32)) : BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(28));
        int phentsize = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(is64 ? 54 : 42));
        int phnum = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(is64 ? 56 : 44));
        if (phentsize < (is64 ? 56 : 32) || phoff > (ulong)file.Length || (ulong)phentsize * (ulong)phnum > (ulong)file.Length - phoff)
        {
            return "program headers outside the file";
        }

        if (entry < userStart || entry >= userEnd)
        {
            return "entry point outside the user range";
        }

        image = new ElfImage(file, is64, entry, phoff, phentsize, phnum);
        for (int i = 0; i < phnum; i++)
        {
            if (!image.TryGetLoad(i, out ElfSegment segment))
            {
                continue;
            }

            if (segment.FileSize > segment.MemorySize)
            {
                return "a segment's file size exceeds its memory size";
            }

            if (segment.Offset > (ulong)file.Length || segment.FileSize > (ulong)file.Length - segment.Offset)
            {
                return "a segment outside the file";
            }

            if (segment.VirtualAddress < userStart || segment.MemorySize > userEnd - segment.VirtualAddress
                || segment.VirtualAddress + segment.MemorySize > userEnd)
            {
                return "a segment outside the user range";
            }
        }

        return null;
    }

    /// <summary>Program header <paramref name="index"/> if it is a PT_LOAD with bytes in memory.</summary>
    public bool TryGetLoad(int index, out ElfSegment segment)
    {
        segment = default;
        ReadOnlySpan<byte> header = _file.Slice((int)_phoff + index * _phentsize, _phentsize);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != PtLoad)
        {
            return false;
        }

        if (_is64)
        {
            segment.Flags = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(4));
            segment.Offset = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(8));
            segment.VirtualAddress = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(16));
            segment.FileSize = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(32));
            segment.MemorySize = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(40));
        }
        else
        {
            segment.Offset = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(4));
            segment.VirtualAddress = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(8));
            segment.FileSize = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(16));
            segment.MemorySize = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(20));
            segment.Flags = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(24));
        }

        return segment.MemorySize != 0;
    }

    /// <summary>The bytes of the file at <paramref name="offset"/> (checked by <see cref="TryOpen"/>).</summary>
    public ReadOnlySpan<byte> Bytes(ulong offset, ulong length) => _file.Slice((int)offset, (int)length);
}

/// <summary>One PT_LOAD program header.</summary>
public struct ElfSegment
{
    public ulong Offset;
    public ulong VirtualAddress;
    public ulong FileSize;
    public ulong MemorySize;
    public uint Flags;
}
