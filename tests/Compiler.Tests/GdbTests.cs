using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Rvc.Driver;

namespace Rvc.Compiler.Tests;

/// <summary>
/// gdb shows a string, spans and a fixed buffer by their contents: <c>Gdb/values.cs</c> built at -O0 (what
/// <c>./run.sh --gdb</c> builds), run under gdb-multiarch in batch mode with the toolchain's pretty-printers
/// (<c>compiler/gdb/rvc.py</c>, which <c>./run.sh --gdb</c> tells gdb to load): on rv32 and rv64 through QEMU's gdb
/// stub, on the host natively. gdb stops at the line marked in the source and prints each parameter; it must say
/// nothing about the DWARF (no <c>.debug_aranges</c> warning, no warning at all).
/// </summary>
public sealed class GdbTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    [InlineData("host")]
    public void PrintShowsStringsSpansAndFixedBuffers(string arch)
    {
        string source = Path.Combine(RepoPaths.Root, "tests", "Compiler.Tests", "Gdb", "values.cs");
        string workDir = RepoPaths.UniqueDirectory("gdb", arch);
        string executable = Path.Combine(workDir, arch == "host" ? "values" : "values.elf");
        var build = Toolchain.BuildSources([source], Toolchain.ParseArch(arch), executable, optimizationLevel: 0);
        Assert.True(build.Success, string.Join('\n', build.Diagnostics));

        int line = File.ReadAllLines(source).Select((text, index) => (text, index)).Single(l => l.text.Contains("// break here", StringComparison.Ordinal)).index + 1;
        string[] prints = ["print text", "print chars", "print numbers", "print packet.Data", "print packet.Length"];
        string output = arch == "host"
            ? Gdb(executable, ["-ex", $"break values.cs:{line}", "-ex", "run", .. prints.SelectMany(p => new[] { "-ex", p })])
            : GdbThroughQemu(arch, executable, line, prints);

        Assert.Contains("$1 = \"hello, gdb\"\n", output, StringComparison.Ordinal);
        Assert.Contains("$2 = \"gdb\"\n", output, StringComparison.Ordinal);
        Assert.Contains("$3 = Span<int> (Length = 3) = {7, 8, 9}\n", output, StringComparison.Ordinal);
        Assert.Contains("$4 = {1, 2, 0, 0}\n", output, StringComparison.Ordinal);
        Assert.Contains("$5 = 2\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("debug_aranges", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
        Directory.Delete(workDir, recursive: true);
    }

    /// <summary>QEMU waits (<c>-S</c>) on a free local port; gdb connects, stops at <paramref name="line"/>, prints.</summary>
    static string GdbThroughQemu(string arch, string executable, int line, string[] prints)
    {
        int port = FreePort();
        var qemu = Process.Start(new ProcessStartInfo(arch == "rv32" ? "qemu-system-riscv32" : "qemu-system-riscv64")
        {
            ArgumentList = { "-machine", "virt", "-bios", "none", "-display", "none", "-monitor", "none", "-serial", "null",
                             "-kernel", executable, "-S", "-gdb", $"tcp:localhost:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            return Gdb(executable, ["-ex", $"target remote localhost:{port}", "-ex", $"break values.cs:{line}", "-ex", "continue",
                                    .. prints.SelectMany(p => new[] { "-ex", p })]);
        }
        finally
        {
            if (!qemu.HasExited)
                qemu.Kill();
            qemu.WaitForExit();
        }
    }

    static string Gdb(string executable, string[] commands)
    {
        var printers = ToolchainLayout.Locate().GdbPrinters;
        // -nx: no ~/.gdbinit; kill at the end so that gdb does not ask.
        var result = ProcessRunner.Run("gdb-multiarch", ["-batch", "-nx", "-x", printers, .. commands, "-ex", "kill", executable], Timeout);
        string output = System.Text.Encoding.UTF8.GetString(result.Stdout) + result.Stderr;
        Assert.False(result.TimedOut, $"gdb timed out\n{output}");
        return output.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
