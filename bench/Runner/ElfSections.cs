using System.Buffers.Binary;
using System.Text;

namespace Rvc.Bench;

/// <summary>The sizes of an ELF file's allocated sections, read from its section headers (ELF32 and ELF64,
/// little-endian): what the image costs in memory, grouped as .text, .rodata, .data (with .sdata) and .bss (with .sbss).</summary>
public sealed record ElfSections(long Text, long RoData, long Data, long Bss, long FileSize)
{
    /// <summary>Text + rodata + data + bss.</summary>
    public long Total => Text + RoData + Data + Bss;

    public static ElfSections Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 52 || bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F')
            throw new InvalidDataException($"{path}: not an ELF file");
        if (bytes[5] != 1)
            throw new InvalidDataException($"{path}: not little-endian");
        bool is64 = bytes[4] == 2;
        var span = bytes.AsSpan();
        long shoff = is64 ? (long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]) : BinaryPrimitives.ReadUInt32LittleEndian(span[0x20..]);
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[(is64 ? 0x3A : 0x2E)..]);
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[(is64 ? 0x3C : 0x30)..]);
        int shstrndx = BinaryPrimitives.ReadUInt16LittleEndian(span[(is64 ? 0x3E : 0x32)..]);
        if (shoff <= 0 || shoff + (long)shnum * shentsize > bytes.Length || shstrndx >= shnum)
            throw new InvalidDataException($"{path}: bad section header table");

        (int Name, uint Type, ulong Flags, long Offset, long Size) Header(int i)
        {
            var h = bytes.AsSpan((int)(shoff + (long)i * shentsize), shentsize);
            return is64
                ? ((int)BinaryPrimitives.ReadUInt32LittleEndian(h), BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                   BinaryPrimitives.ReadUInt64LittleEndian(h[8..]), (long)BinaryPrimitives.ReadUInt64LittleEndian(h[0x18..]),
                   (long)BinaryPrimitives.ReadUInt64LittleEndian(h[0x20..]))
                : ((int)BinaryPrimitives.ReadUInt32LittleEndian(h), BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                   BinaryPrimitives.ReadUInt32LittleEndian(h[8..]), BinaryPrimitives.ReadUInt32LittleEndian(h[0x10..]),
                   BinaryPrimitives.ReadUInt32LittleEndian(h[0x14..]));
        }

        var strings = Header(shstrndx);
        string NameAt(int offset)
        {
            int start = (int)strings.Offset + offset, end = start;
            while (end < bytes.Length && bytes[end] != 0)
                end++;
            return Encoding.ASCII.GetString(bytes, start, end - start);
        }

        const ulong Alloc = 2;
        long text = 0, rodata = 0, data = 0, bss = 0;
        for (int i = 1; i < shnum; i++)
        {
            var h = Header(i);
            if ((h.Flags & Alloc) == 0)
                continue;
            var name = NameAt(h.Name);
            if (name.StartsWith(".text", StringComparison.Ordinal))
                text += h.Size;
            else if (name.StartsWith(".rodata", StringComparison.Ordinal) || name.StartsWith(".srodata", StringComparison.Ordinal))
                rodata += h.Size;
            else if (name.StartsWith(".data", StringComparison.Ordinal) || name.StartsWith(".sdata", StringComparison.Ordinal))
                data += h.Size;
            else if (name.StartsWith(".bss", StringComparison.Ordinal) || name.StartsWith(".sbss", StringComparison.Ordinal))
                bss += h.Size;
            // .stack (linker/virt.ld's 64 KiB) and others are not counted: the same for every image.
        }
        return new ElfSections(text, rodata, data, bss, bytes.Length);
    }
}
