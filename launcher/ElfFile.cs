using ELFSharp.ELF;
using Rvc.Driver;

namespace Rvc.Launcher;

/// <summary>Tells which machine an executable is for, and where it starts, from its ELF header (read with ELFSharp).</summary>
public static class ElfFile
{
    /// <summary>e_machine values (ELFSharp's enum has no name for RISC-V).</summary>
    private const int MachineX86_64 = 62;
    private const int MachineRiscV = 243;

    /// <summary>The architecture of the ELF file at <paramref name="path"/>; throws a clear error if it is not an ELF file we can run.</summary>
    public static TargetArch ReadArch(string path)
    {
        if (!File.Exists(path))
            throw new LauncherException($"{path}: no such file");
        if (!ELFReader.TryLoad(path, out IELF elf))
            throw new LauncherException($"{path}: not an ELF executable");
        using (elf)
        {
            bool is64 = elf.Class == Class.Bit64;
            int machine = (int)elf.Machine;
            return machine switch
            {
                MachineRiscV => is64 ? TargetArch.RiscV64 : TargetArch.RiscV32,
                MachineX86_64 when is64 => TargetArch.Host,
                _ => throw new LauncherException($"{path}: ELF for machine {machine}, expected RISC-V (243) or x86-64 (62)"),
            };
        }
    }

    /// <summary>The entry address (e_entry) of the ELF file at <paramref name="path"/>: where QEMU starts it, or where
    /// the firmware enters it.</summary>
    public static ulong ReadEntry(string path)
    {
        ReadArch(path);
        using var elf = ELFReader.Load(path);
        return elf switch
        {
            ELF<ulong> elf64 => elf64.EntryPoint,
            ELF<uint> elf32 => elf32.EntryPoint,
            _ => throw new LauncherException($"{path}: not an ELF executable"),
        };
    }
}
