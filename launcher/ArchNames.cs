using Rvc.Driver;

namespace Rvc.Launcher;

public static class ArchNames
{
    /// <summary>The command-line spelling: rv32, rv64 or host.</summary>
    public static string Name(this TargetArch arch) => arch switch
    {
        TargetArch.RiscV32 => "rv32",
        TargetArch.RiscV64 => "rv64",
        _ => "host",
    };

    public static TargetArch Parse(string text)
    {
        try { return Toolchain.ParseArch(text); }
        catch (ArgumentException e) { throw new LauncherException(e.Message); }
    }
}
