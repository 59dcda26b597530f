using Rvc.Driver;

namespace Rvc.Launcher;

/// <summary>Reads just enough of an ELF header to tell which machine an executable is for, and where it starts.</summary>
public static class ElfFile
{
    private const ushort MachineX86_64 = 62;
    private const ushort MachineRiscV = 243;

    /// <summary>The architecture of the ELF file at <paramref name="path"/>; throws a clear error if it is not an ELF file we can run.</summary>
    public static TargetArch ReadArch(string path)
    {
        if (!File.Exists(path))
            throw new LauncherException($"{path}: no such file");
        Span<byte> header = stackalloc byte[20];
        using (var stream = File.OpenRead(path))
        {
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                || header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
                throw new LauncherException($"{path}: not an ELF executable");
        }
        bool is64 = header[4] == 2;
        ushort machine = (ushort)(header[18] | header[19] << 8);
        return machine switch
        {
            MachineRiscV => is64 ? TargetArch.RiscV64 : TargetArch.RiscV32,
            MachineX86_64 when is64 => TargetArch.Host,
            _ => throw new LauncherException($"{path}: ELF for machine {machine}, expected RISC-V (243) or x86-64 (62)"),
        };
    }

    /// <summary>The entry address (e_entry) of the ELF file at <paramref name="path"/>: where QEMU starts it, or where
    /// the firmware enters it.</summary>
    public static ulong ReadEntry(string path)
    {
        ReadArch(path);
        Span<byte> header = stackalloc byte[32];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            throw new LauncherException($"{path}: truncated ELF header");
        // e_entry follows e_version at offset 24: 8 bytes in ELF64, 4 in ELF32 (both little-endian here).
        return header[4] == 2
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(header[24..])
            : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
    }
}
