namespace Rvc.Driver;

/// <summary>Where the toolchain's parts are: the core library, the boot code and the linker script,
/// shipped in a <c>toolchain/</c> folder beside rvc.dll (see Rvc.Compiler.csproj).</summary>
public sealed class ToolchainLayout
{
    public required string CoreLibrary { get; init; }
    public required string BootRiscV { get; init; }
    public required string BootHost { get; init; }
    public required string LinkerScript { get; init; }

    /// <summary>gdb's pretty-printers for strings, spans and fixed buffers (gdb/rvc.py): <c>gdb-multiarch -x FILE</c>.</summary>
    public required string GdbPrinters { get; init; }

    public static ToolchainLayout Locate()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "toolchain");
        if (!Directory.Exists(root))
            root = Path.Combine(Path.GetDirectoryName(typeof(ToolchainLayout).Assembly.Location)!, "toolchain");
        var layout = new ToolchainLayout
        {
            CoreLibrary = Path.Combine(root, "lib", "System.Private.CoreLib.dll"),
            BootRiscV = Path.Combine(root, "boot", "riscv.S"),
            BootHost = Path.Combine(root, "boot", "host-x86_64.S"),
            LinkerScript = Path.Combine(root, "linker", "virt.ld"),
            GdbPrinters = Path.Combine(root, "gdb", "rvc.py"),
        };
        return layout;
    }

    /// <summary>Returns <paramref name="file"/> when it exists, and says what to do when it does not.</summary>
    public static string Require(string file)
        => File.Exists(file) ? file : throw new ToolchainException($"the toolchain is incomplete: '{file}' is missing (rebuild compiler/Rvc.Compiler.csproj)");
}
