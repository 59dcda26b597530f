using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace Rvc.Bench;

/// <summary>The sizes of an ELF file's allocated sections (read with ELFSharp, ELF32 and ELF64): what the image costs in
/// memory, grouped as .text, .rodata, .data (with .sdata) and .bss (with .sbss).</summary>
public sealed record ElfSections(long Text, long RoData, long Data, long Bss, long FileSize)
{
    /// <summary>Text + rodata + data + bss.</summary>
    public long Total => Text + RoData + Data + Bss;

    public static ElfSections Read(string path)
    {
        if (!ELFReader.TryLoad(path, out IELF elf))
            throw new InvalidDataException($"{path}: not an ELF file");
        using (elf)
        {
            long text = 0, rodata = 0, data = 0, bss = 0;
            foreach (var section in elf.Sections)
            {
                if ((section.Flags & SectionFlags.Allocatable) == 0)
                    continue;
                long size = section switch
                {
                    Section<uint> s => s.Size,
                    Section<ulong> s => (long)s.Size,
                    _ => 0,
                };
                var name = section.Name;
                if (name.StartsWith(".text", StringComparison.Ordinal))
                    text += size;
                else if (name.StartsWith(".rodata", StringComparison.Ordinal) || name.StartsWith(".srodata", StringComparison.Ordinal))
                    rodata += size;
                else if (name.StartsWith(".data", StringComparison.Ordinal) || name.StartsWith(".sdata", StringComparison.Ordinal))
                    data += size;
                else if (name.StartsWith(".bss", StringComparison.Ordinal) || name.StartsWith(".sbss", StringComparison.Ordinal))
                    bss += size;
                // .stack (linker/virt.ld's 64 KiB) and others are not counted: the same for every image.
            }
            return new ElfSections(text, rodata, data, bss, new FileInfo(path).Length);
        }
    }
}
