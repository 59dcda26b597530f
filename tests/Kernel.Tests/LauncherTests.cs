using System.Text;
using Rvc.Driver;
using System.CommandLine;
using Rvc.Launcher;
using Rvc.Launcher.Commands;

namespace Rvc.Kernel.Tests;

/// <summary>The launcher's boot options and the QEMU command line they give, in-process (no QEMU), plus a few runs
/// of the launcher itself for its error handling.</summary>
public sealed class LauncherTests : IDisposable
{
    private static readonly RepoLayout Repo = RepoLayout.Find();

    /// <summary>This test's disk files (xunit makes an instance per test).</summary>
    private readonly string _dir = RepoPaths.UniqueDirectory("launcher", "disks");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static BootRequest Parse(params string[] args)
        => BootCommandLine.Parse(args, Repo, "kernel.elf", TargetArch.RiscV64);

    private string NewFile(string name, int size = 1024)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, new byte[size]);
        return path;
    }

    /// <summary>The values that follow each occurrence of <paramref name="option"/>.</summary>
    private static List<string> ValuesOf(List<string> args, string option)
        => args.Select((a, i) => (a, i)).Where(p => p.a == option).Select(p => args[p.i + 1]).ToList();

    [Fact]
    public void WithoutDiskOptionsTheDefaultDiskIsUsed()
    {
        var request = Parse();
        Assert.True(request.DefaultDisk);
        Assert.Empty(request.Options.Disks);
        Assert.Equal(VirtioTransport.Legacy, request.Options.Transport);
    }

    [Fact]
    public void ArgumentsAfterADoubleDashGoToQemuUnchangedAndLast()
    {
        var request = Parse("--kernel-shell", "--no-disk", "--", "-blockdev", "driver=null-co,node-name=n0", "--no-disk", "-device", "virtio-blk-device,drive=n0");
        var args = Machine.QemuArguments(request.Options, interactive: false);
        Assert.Equal(["-blockdev", "driver=null-co,node-name=n0", "--no-disk", "-device", "virtio-blk-device,drive=n0"], args.TakeLast(5));
        Assert.Equal("shell", request.Options.Append);
        Assert.Throws<LauncherException>(() => Parse("-blockdev", "x"));   // before --: still an unknown option
    }

    [Fact]
    public void NoDiskMeansNoDevice()
    {
        var request = Parse("--no-disk");
        Assert.False(request.DefaultDisk);
        var args = Machine.QemuArguments(request.Options, interactive: false);
        Assert.DoesNotContain("-drive", args);
        Assert.DoesNotContain("-device", args);
    }

    [Fact]
    public void GivenDisksAreUsedInPlaceInSlotOrderWithSerials()
    {
        string a = NewFile("a.img"), b = NewFile("b,with comma.img"), c = NewFile("c.img");
        var request = Parse("--disk", a, "--disk", b + ":ro", $"--disk={c}", "--append", "blk.read=1");

        Assert.False(request.DefaultDisk);
        Assert.Equal([new DiskImage(a, false), new DiskImage(b, true), new DiskImage(c, false)], request.Options.Disks);
        var args = Machine.QemuArguments(request.Options, interactive: false);
        Assert.Equal(
            [
                $"id=disk0,file={a},format=raw,if=none,discard=unmap",
                $"id=disk1,file={b.Replace(",", ",,")},format=raw,if=none,discard=unmap,readonly=on",
                $"id=disk2,file={c},format=raw,if=none,discard=unmap",
            ],
            ValuesOf(args, "-drive"));
        Assert.Equal(
            [
                "virtio-blk-device,drive=disk0,bus=virtio-mmio-bus.0,serial=disk0",
                "virtio-blk-device,drive=disk1,bus=virtio-mmio-bus.1,serial=disk1",
                "virtio-blk-device,drive=disk2,bus=virtio-mmio-bus.2,serial=disk2",
            ],
            ValuesOf(args, "-device"));
        Assert.Equal(["blk.read=1"], ValuesOf(args, "-append"));
    }

    [Theory]
    [InlineData(null, "true")]
    [InlineData("legacy", "true")]
    [InlineData("modern", "false")]
    public void TransportSetsForceLegacy(string? transport, string forceLegacy)
    {
        var request = transport is null ? Parse() : Parse("--transport", transport);
        var args = Machine.QemuArguments(request.Options, interactive: false);
        Assert.Equal([$"virtio-mmio.force-legacy={forceLegacy}"], ValuesOf(args, "-global"));
    }

    /// <summary><c>--ring packed</c>: QEMU's packed=on for every virtio-blk-device, and blk.ring=packed for the kernel;
    /// only with the modern transport.</summary>
    [Theory]
    [InlineData("packed", true)]
    [InlineData("split", false)]
    public void RingPackedSetsPackedOnAndTellsTheKernel(string ring, bool packedOn)
    {
        var request = Parse("--transport", "modern", "--ring", ring);
        Assert.Equal($"blk.ring={ring}", request.Options.Append);
        var args = Machine.QemuArguments(request.Options, interactive: false);
        string[] expected = packedOn
            ? ["virtio-mmio.force-legacy=false", "virtio-blk-device.packed=on"]
            : ["virtio-mmio.force-legacy=false"];
        Assert.Equal(expected, ValuesOf(args, "-global"));
    }

    [Theory]
    [InlineData("--ring", "packed")]
    [InlineData("--ring", "packed", "--transport", "legacy")]
    public void RingPackedWithTheLegacyTransportIsAnError(params string[] args)
    {
        var e = Assert.Throws<LauncherException>(() => Parse(args));
        Assert.Contains("--ring packed needs --transport modern", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-drive", "file=x")]
    [InlineData("--transport", "pci")]
    [InlineData("--ring", "ring")]
    [InlineData("--append", "a", "--append", "b")]
    [InlineData("--timeout", "soon")]
    [InlineData("--disk", "/nonexistent/disk.img")]
    [InlineData("--disk", ":ro")]
    public void RejectsBadOptions(params string[] args)
        => Assert.Throws<LauncherException>(() => Parse(args));

    [Theory]
    [InlineData(new[] { "--completion", "irq" }, "blk.completion=irq")]
    [InlineData(new[] { "--completion", "poll" }, "blk.completion=poll")]
    [InlineData(new[] { "--queue-size", "4" }, "blk.queue=4")]
    [InlineData(new[] { "--queue-size=32768" }, "blk.queue=32768")]
    [InlineData(new[] { "--shell" }, "shell=user")]
    [InlineData(new[] { "--kernel-shell" }, "shell")]
    [InlineData(new[] { "--kernel-shell", "--queue-size", "64", "--completion", "irq" }, "blk.completion=irq blk.queue=64 shell")]
    [InlineData(new[] { "--append", "blk.read=1", "--completion", "irq" }, "blk.completion=irq blk.read=1")]
    [InlineData(new[] { "--queue-size", "16", "--append", "demo=off blk.queue=8", "--shell" }, "blk.queue=16 shell=user demo=off blk.queue=8")]
    [InlineData(new string[0], null)]
    public void KernelOptionsGoToTheCommandLineBeforeTheAppendText(string[] args, string? append)
    {
        var request = Parse(args);
        Assert.Equal(append, request.Options.Append);
        var qemu = Machine.QemuArguments(request.Options, interactive: false);
        Assert.Equal(append is null ? [] : [append], ValuesOf(qemu, "-append"));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("32769")]
    [InlineData("4294967300")]
    [InlineData("-5")]
    [InlineData("+8")]
    [InlineData("0x10")]
    [InlineData(" 8")]
    [InlineData("")]
    [InlineData("many")]
    public void RejectsQueueSizesTheKernelWouldRefuse(string size)
    {
        var e = Assert.Throws<LauncherException>(() => Parse("--queue-size", size));
        Assert.Contains("--queue-size expects a number of queue entries from 4 to 32768", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--completion", "fast")]
    [InlineData("--completion", "IRQ")]
    [InlineData("--shell=yes")]
    [InlineData("--shell", "--shell")]
    [InlineData("--queue-size", "8", "--queue-size", "16")]
    public void RejectsBadKernelOptions(params string[] args)
        => Assert.Throws<LauncherException>(() => Parse(args));

    [Theory]
    [InlineData("--shell")]
    [InlineData("--completion", "irq")]
    [InlineData("--queue-size", "8")]
    public void KernelOptionsDoNotApplyToHostPrograms(params string[] args)
        => Assert.Throws<LauncherException>(() => BootCommandLine.Parse(args, Repo, "program", TargetArch.Host));

    /// <summary>A shell in a terminal waits for its user: no time limit unless --timeout says so. With piped input (the
    /// tests', a script's) the usual 60 s, so that input without poweroff cannot hang forever.</summary>
    [Theory]
    [InlineData(true, null, "--shell")]
    [InlineData(true, null, "--append", "shell")]
    [InlineData(true, null, "--append", "shell=off shell=on")]
    [InlineData(true, 60.0, "--shell", "--append", "shell=off")]
    [InlineData(true, 5.0, "--shell", "--timeout", "5")]
    [InlineData(true, 60.0)]
    [InlineData(false, 60.0, "--shell")]
    [InlineData(false, 60.0, "--append", "shell")]
    public void ShellInATerminalHasNoDefaultTimeLimit(bool interactive, double? seconds, params string[] args)
    {
        var request = BootCommandLine.Parse(args, Repo, "kernel.elf", TargetArch.RiscV64, interactive);
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), request.Options.Timeout);
    }

    /// <summary>The help of a command, as <c>./run.sh [COMMAND] --help</c> prints it.</summary>
    private static string Help(params string[] command)
    {
        var output = new StringWriter();
        int status = CommandLineTool.Parse(LauncherCommand.Create(), [.. command, "--help"])
            .Invoke(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false });
        Assert.Equal(0, status);
        return output.ToString();
    }

    [Theory]
    [InlineData(new string[0], "./run.sh [command] [options]")]
    [InlineData(new[] { "run" }, "./run.sh run [options]")]
    [InlineData(new[] { "boot" }, "./run.sh boot <FILE.elf> [options]")]
    public void HelpListsTheBootOptions(string[] command, string usage)
    {
        string help = Help(command);
        Assert.Contains(usage, help, StringComparison.Ordinal);
        foreach (var option in new[] { "--arch <rv32|rv64|host>", "--timeout <SECONDS>", "--append <TEXT>", "--disk <PATH[:ro]>", "--no-disk",
                                       "--transport <legacy|modern>", "--ring <split|packed>", "--completion <poll|irq>", "--queue-size <N>", "--shell", "--kernel-shell", "--bench",
                                       "--qemu-log", "--gdb" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }
        Assert.Contains("Ctrl-A then X quits", help, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpOfTheRootListsEveryCommand()
    {
        string help = Help();
        foreach (var command in new[] { "build <FILE.cs>", "boot <FILE.elf>", "build-kernel", "prereqs", "run", "help" })
        {
            Assert.Contains(command, help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("build", "./run.sh build <FILE.cs>... [options]", "-o, --output <OUT> (REQUIRED)", "-O <0-3>", "--emit-llvm <FILE.ll>")]
    [InlineData("build-kernel", "./run.sh build-kernel [options]", "--arch <rv32|rv64|host>")]
    [InlineData("prereqs", "./run.sh prereqs [options]", "apt-get")]
    public void EachCommandHasItsOwnHelp(string command, string usage, params string[] contents)
    {
        string help = Help(command);
        Assert.Contains(usage, help, StringComparison.Ordinal);
        foreach (var text in contents)
        {
            Assert.Contains(text, help, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("--queue-size", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0, "-O0")]
    [InlineData(1, "-O1")]
    [InlineData(3, "-O", "3")]
    public void BuildTakesTheOptimisationLevel(int level, params string[] option)
    {
        var result = CommandLineTool.Parse(LauncherCommand.Create(), ["build", "a.cs", "b.cs", "--arch", "rv32", "-o", "out.elf", .. option]);
        Assert.Empty(result.Errors);
        Assert.Equal(level, result.GetValue<int>("-O"));
        Assert.Equal(["a.cs", "b.cs"], result.GetValue<string[]>("FILE.cs")!);
    }

    [Theory]
    [InlineData("build", "a.cs", "--arch", "rv32")]
    [InlineData("build", "--arch", "rv32", "-o", "x")]
    [InlineData("build", "a.cs", "-o", "x")]
    [InlineData("build", "a.cs", "--arch", "rv32", "-o", "x", "-O4")]
    [InlineData("build", "a.cs", "--arch", "rv32", "-o", "x", "-o", "y")]
    [InlineData("build-kernel", "--arch", "arm")]
    [InlineData("build-kernel", "extra")]
    [InlineData("prereqs", "now")]
    [InlineData("boot")]
    [InlineData("boot", "a.elf", "b.elf")]
    [InlineData("frobnicate")]
    public void RejectsBadCommandLines(params string[] args)
        => Assert.NotEmpty(CommandLineTool.Parse(LauncherCommand.Create(), args).Errors);

    /// <summary>QEMU's arguments (after <c>--</c>) go to the commands that boot; the others refuse them as a parse error.</summary>
    [Theory]
    [InlineData(false, "--shell", "--", "-snapshot")]
    [InlineData(false, "boot", "a.elf", "--", "-snapshot", "--", "x")]
    [InlineData(true, "build", "a.cs", "--arch", "rv32", "-o", "x", "--", "-snapshot")]
    [InlineData(true, "build-kernel", "--", "-snapshot")]
    [InlineData(true, "prereqs", "--", "-snapshot")]
    public void OnlyTheCommandsThatBootTakeQemuArguments(bool refused, params string[] args)
    {
        var (own, qemu) = BootCommandLine.SplitAtDoubleDash(args);
        Assert.Equal(args.SkipWhile(a => a != "--").Skip(1), qemu);
        var errors = CommandLineTool.Parse(LauncherCommand.Create(qemu), own).Errors;
        Assert.Equal(refused, errors.Count > 0);
    }

    /// <summary>One path per --disk: a second word is not a second disk.</summary>
    [Fact]
    public void DiskTakesOnePathEach()
        => Assert.Throws<LauncherException>(() => Parse("--disk", NewFile("a.img"), NewFile("b.img")));

    [Fact]
    public void RejectsDiskWithNoDisk()
        => Assert.Throws<LauncherException>(() => Parse("--disk", NewFile("x.img"), "--no-disk"));

    [Fact]
    public void RejectsTheSameWritableDiskTwice()
    {
        string a = NewFile("a.img");
        Assert.Throws<LauncherException>(() => Parse("--disk", a, "--disk", a));
        Assert.Equal(2, Parse("--disk", a + ":ro", "--disk", a + ":ro").Options.Disks.Count);
    }

    [Fact]
    public void RejectsMoreDisksThanSlots()
    {
        var args = Enumerable.Range(0, DiskImage.MaxDisks + 1).SelectMany(i => new[] { "--disk", NewFile($"d{i}.img") }).ToArray();
        Assert.Throws<LauncherException>(() => Parse(args));
        Assert.Equal(DiskImage.MaxDisks, Parse(args[..(2 * DiskImage.MaxDisks)]).Options.Disks.Count);
    }

    /// <summary>Each boot on the default disk gets its own copy of lorem.txt, so that boots can run side by side.</summary>
    [Fact]
    public void DefaultDisksAreFreshCopiesOfTheirOwn()
    {
        byte[] lorem = File.ReadAllBytes(RepoPaths.Lorem);
        string first, second;
        using (var one = ScratchDisk.Create(Repo))
        using (var two = ScratchDisk.Create(Repo))
        {
            first = one.Path;
            second = two.Path;
            Assert.NotEqual(first, second);
            Assert.StartsWith(Repo.RunDirectory, first, StringComparison.Ordinal);
            Assert.Equal(lorem, File.ReadAllBytes(first));
            Assert.Equal(lorem, File.ReadAllBytes(second));
            File.WriteAllBytes(second, new byte[16]);
            Assert.Equal(lorem, File.ReadAllBytes(first));
        } // two, then one: the last boot's disk (artifacts/run/lorem.txt) ends up a pristine copy

        Assert.False(File.Exists(first));
        Assert.False(File.Exists(second));
        Assert.Equal(lorem, File.ReadAllBytes(RepoPaths.Lorem));
    }

    /// <summary>Through the real launcher: an unknown flag before -- is an error (only what follows -- goes to QEMU).</summary>
    [Fact]
    public void UnknownFlagIsAnErrorOfTheLauncher()
    {
        var result = KernelBoot.RunLauncher(["boot", "kernel.elf", "--arch", "rv64", "-snapshot"], TimeSpan.FromSeconds(60));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: Unrecognized command or argument '-snapshot'.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(see ./run.sh boot --help)", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Encoding.UTF8.GetString(result.Stdout));
    }
}
