using Rvc.Driver;

namespace Rvc.Launcher;

/// <summary>The launcher behind <c>./run.sh</c>: see <see cref="Usage"/>.</summary>
public static class Program
{
    public const string Usage = """
        usage:
          ./run.sh [--arch rv32|rv64|host] [BOOT OPTIONS]
                build kernel/Kernel.csproj for the arch (default rv64) and boot it
          ./run.sh build FILE.cs [FILE.cs...] --arch rv32|rv64|host -o OUT [-O0|-O1|-O2|-O3] [--emit-llvm FILE.ll]
                compile C# files with rvc to an executable
          ./run.sh boot FILE.elf [--arch rv32|rv64|host] [BOOT OPTIONS]
                boot an executable under QEMU (virt machine), or run it directly for host;
                the arch is read from the ELF header when --arch is not given
          ./run.sh build-kernel [--arch rv32|rv64|host]
                build kernel/Kernel.csproj for the arch (default rv64); prints the ELF's path
          ./run.sh build-firmware [--arch rv32|rv64]
                build firmware/Firmware.csproj (rvcsbi, the own SBI firmware) for the arch (default rv64); prints
                the ELF's path, for --firmware FILE.elf
          ./run.sh prereqs
                install clang-19, lld-19 and QEMU if missing (apt-get, as root)

        BOOT OPTIONS:
          --timeout SECONDS  stop the program after this long (default 60, 0: no limit); exit status 124
          --append TEXT      kernel command line (QEMU puts it in the device tree's /chosen/bootargs)
          --disk PATH[:ro]   attach PATH, in place, as a raw virtio-blk disk; several --disk go to slots
                             0, 1, ... (virtio-mmio at 0x10001000, 0x10002000, ...; at most 8), with serial
                             numbers disk0, disk1, ...; PATH:ro attaches it read-only. Default: one disk,
                             a fresh copy of lorem.txt for each boot (artifacts/run/lorem.PID.txt, kept
                             afterwards as artifacts/run/lorem.txt)
          --no-disk          attach no disk
          --disk-from-dir DIR
                             blk0 is a ustar archive of DIR's files and folders (the kernel's shell mounts
                             it as its file system): artifacts/run/tar.PID.img for the boot, kept afterwards
                             as artifacts/run/disk.tar (tar -tvf / tar -xf read it)
          --disk-size SIZE   the size of --disk-from-dir's disk (bytes, or with K, M, G; default 64M, or twice
                             the archive and 16M more); the room past the archive is free for the kernel's writes
          --transport legacy|modern
                             virtio-mmio version 1 (legacy, the default) or 2 (modern, virtio 1.0)
          --completion poll|irq
                             how the kernel waits for the disk: adds blk.completion=poll|irq to the command line
          --queue-size N     at most N entries in each disk's request queue (4 to 32768; the kernel's default
                             is 128): adds blk.queue=N to the command line
          --shell            the kernel's shell on the console instead of its disk demo: adds shell to the
                             command line. With a terminal there is no time limit unless --timeout is given;
                             piped input (printf 'blk list\npoweroff\n' | ./run.sh --shell) drives it
          --bench            the kernel's benchmark: adds 'bench' to the command line and attaches a fresh sparse
                             64 MiB image (artifacts/run/bench.PID.img, deleted afterwards) instead of lorem.txt;
                             time limit 1800 s unless --timeout. Prints one 'bench:' line per case (bench/README.md)
          --firmware none|opensbi|own|FILE.elf
                             the M-mode firmware under an S-mode program (docs/abi.md, firmware/README.md):
                             opensbi is QEMU's OpenSBI (-bios default; rv64 only), own is firmware/ (rvcsbi,
                             built when needed; FILE.elf: one already built), none is -bios none. Default: an ELF
                             whose entry is at or above 0x80200000 (an S-mode program, such as the kernel) gets
                             opensbi on rv64 and own on rv32, any other none
          --qemu-log         log guest errors and unimplemented device accesses to artifacts/run/qemu.log
          --gdb              build the kernel at -O0 and wait for gdb-multiarch on tcp::1234 (no time limit unless
                             --timeout is given)

          -- QEMU ARGS...    everything after -- goes to QEMU unchanged, after the launcher's own arguments: e.g.
                             ./run.sh --shell --no-disk -- -blockdev driver=null-co,node-name=n0,size=64M
                             -device virtio-blk-device,drive=n0 (a blkdebug, null-co or throttled drive, a QMP
                             socket with -qmp unix:PATH,server=on,wait=off, ...)

        --bench, --completion, --queue-size and --shell put their options before the --append text (the kernel
        takes the last of a repeated option, so --append's wins). Any other option before -- is an error.
        The exit status is the program's (QEMU reports what it wrote to sifive_test at 0x100000).
        An S-mode kernel (entry point 0x80200000, as kernel/Kernel.csproj builds it) boots under SBI firmware (rv64:
        QEMU's OpenSBI, rv32: the own); its status is its last line, 'poweroff: status N', when QEMU's is 0 or 1
        (kernel/README.md).
        With a terminal, QEMU owns it while running: Ctrl-A then X quits.
        """;

    private static readonly string[] BootValueOptions = ["--arch", "--timeout", "--append", "--disk", "--transport", "--completion", "--queue-size", "--firmware", "--disk-from-dir", "--disk-size"];
    private static readonly string[] BootRepeatable = ["--disk"];
    private static readonly string[] BootFlags = ["--no-disk", "--qemu-log", "--gdb", "--bench", "--shell", "--help", "-h"];

    public static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (LauncherException e)
        {
            Console.Out.Flush();
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (ToolchainException e)
        {
            // rvc's own clear errors: clang-19/ld.lld-19 missing or failing, an incomplete toolchain folder.
            Console.Out.Flush();
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            Console.Out.Flush();
            Console.Error.WriteLine($"error: {e.Message}");
            if (Environment.GetEnvironmentVariable("RVC_LAUNCHER_TRACE") == "1")
                Console.Error.WriteLine(e);
            else
                Console.Error.WriteLine($"  ({e.GetType().FullName}; set RVC_LAUNCHER_TRACE=1 for the stack trace)");
            return 1;
        }
    }

    private static int Run(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        var rest = command == "run" && (args.Length == 0 || args[0] != "run") ? args : args[1..];
        switch (command)
        {
            case "help":
                Console.WriteLine(Usage);
                return 0;
            case "prereqs":
                if (rest.Length > 0)
                    throw new LauncherException("prereqs takes no arguments");
                Prerequisites.Ensure(Prerequisites.AllTools);
                Console.Error.WriteLine($"launcher: {string.Join(", ", Prerequisites.AllTools)} found");
                return 0;
            case "build":
                return Build(rest);
            case "boot":
                return Boot(rest);
            case "build-kernel":
                return BuildKernel(rest);
            case "build-firmware":
                return BuildFirmware(rest);
            case "run":
                return RunKernel(rest);
            default:
                throw new LauncherException($"unknown command '{command}'; expected build, boot, build-kernel, build-firmware, prereqs or options (see ./run.sh --help)");
        }
    }

    private static bool WantsHelp(CommandLine cl)
    {
        if (!cl.Flag("--help") && !cl.Flag("-h"))
            return false;
        Console.WriteLine(Usage);
        return true;
    }

    /// <summary><c>build FILE.cs... --arch A -o OUT</c>.</summary>
    private static int Build(string[] args)
    {
        var cl = new CommandLine(args, ["--arch", "-o", "--output", "--emit-llvm"], ["--help", "-h", "-O0", "-O1", "-O2", "-O3"]);
        if (WantsHelp(cl))
            return 0;
        if (cl.Positional.Count == 0)
            throw new LauncherException("build: no source files given (usage: ./run.sh build FILE.cs [FILE.cs...] --arch rv32|rv64|host -o OUT)");
        var arch = ArchNames.Parse(cl.Required("--arch", "rv32|rv64|host"));
        var output = cl.Value("-o") ?? cl.Value("--output") ?? throw new LauncherException("build: missing -o OUT");
        foreach (var file in cl.Positional)
        {
            if (!File.Exists(file))
                throw new LauncherException($"{file}: no such file");
        }
        Prerequisites.Ensure(Prerequisites.ToolsFor(arch, compile: true, boot: false));

        var sources = cl.Positional.Select(Path.GetFullPath).ToList();
        int optimization = cl.Flag("-O0") ? 0 : cl.Flag("-O1") ? 1 : cl.Flag("-O3") ? 3 : 2;
        string? llvm = cl.Value("--emit-llvm") is { } ll ? Path.GetFullPath(ll) : null;
        var result = Toolchain.BuildSources(sources, arch, Path.GetFullPath(output), llvm, optimization);
        foreach (var diagnostic in result.Diagnostics)
            Console.Error.WriteLine(diagnostic);
        return result.Success ? 0 : 1;
    }

    /// <summary><c>boot FILE [--arch A] [boot options]</c>.</summary>
    private static int Boot(string[] args)
    {
        var cl = ParseBootCommandLine(args);
        if (WantsHelp(cl))
            return 0;
        if (cl.Positional.Count != 1)
            throw new LauncherException("boot: expected one executable (usage: ./run.sh boot FILE.elf [--arch rv32|rv64|host] [options])");
        var file = cl.Positional[0];
        var arch = cl.Value("--arch") is { } text ? ArchNames.Parse(text) : ElfFile.ReadArch(file);
        var repo = RepoLayout.Find();
        return BootWith(repo, BootOptionsFrom(cl, repo, file, arch, interactiveInput: !Console.IsInputRedirected));
    }

    /// <summary>The default: build the kernel project and boot it.</summary>
    private static int RunKernel(string[] args)
    {
        var cl = ParseBootCommandLine(args);
        if (WantsHelp(cl))
            return 0;
        if (cl.Positional.Count > 0)
            throw new LauncherException($"unexpected argument '{cl.Positional[0]}' (see ./run.sh --help)");
        var arch = ArchNames.Parse(cl.Value("--arch") ?? "rv64");
        var repo = RepoLayout.Find();
        var request = BootOptionsFrom(cl, repo, "", arch, interactiveInput: !Console.IsInputRedirected); // the options are checked before the build
        Prerequisites.Ensure(Prerequisites.ToolsFor(arch, compile: true, boot: true));
        // Under gdb, the Debug build: rvc compiles it at -O0, so every C# line and local is there to see.
        var elf = KernelProject.Build(repo, arch, request.Options.Gdb ? KernelProject.Debug : KernelProject.Release);
        return BootWith(repo, request with { Options = request.Options with { Executable = elf } });
    }

    /// <summary><c>build-kernel [--arch A]</c>: builds kernel/Kernel.csproj and prints the ELF's full path on standard output.</summary>
    private static int BuildKernel(string[] args)
    {
        var cl = new CommandLine(args, ["--arch"], ["--help", "-h"]);
        if (WantsHelp(cl))
            return 0;
        if (cl.Positional.Count > 0)
            throw new LauncherException($"build-kernel: unexpected argument '{cl.Positional[0]}' (usage: ./run.sh build-kernel [--arch rv32|rv64|host])");
        var arch = ArchNames.Parse(cl.Value("--arch") ?? "rv64");
        Prerequisites.Ensure(Prerequisites.ToolsFor(arch, compile: true, boot: false));
        Console.WriteLine(KernelProject.Build(RepoLayout.Find(), arch));
        return 0;
    }

    /// <summary><c>build-firmware [--arch A]</c>: builds firmware/Firmware.csproj and prints the ELF's full path on standard output.</summary>
    private static int BuildFirmware(string[] args)
    {
        var cl = new CommandLine(args, ["--arch"], ["--help", "-h"]);
        if (WantsHelp(cl))
            return 0;
        if (cl.Positional.Count > 0)
            throw new LauncherException($"build-firmware: unexpected argument '{cl.Positional[0]}' (usage: ./run.sh build-firmware [--arch rv32|rv64])");
        var arch = ArchNames.Parse(cl.Value("--arch") ?? "rv64");
        if (arch == TargetArch.Host)
            throw new LauncherException("build-firmware: the firmware runs in M-mode on QEMU's virt machine: rv32 or rv64");
        Prerequisites.Ensure(Prerequisites.ToolsFor(arch, compile: true, boot: false));
        Console.WriteLine(FirmwareProject.Build(RepoLayout.Find(), arch));
        return 0;
    }

    /// <summary>What to boot, and whether the disk is the default one (a fresh copy of lorem.txt, made at boot time) or,
    /// for <c>--bench</c>, a fresh sparse image of <see cref="SparseDisk.BenchSize"/> bytes.</summary>
    public sealed record BootRequest(BootOptions Options, bool DefaultDisk, bool BenchDisk = false, string? TarFrom = null, long? TarSize = null);

    public static CommandLine ParseBootCommandLine(IEnumerable<string> args) => new(args, BootValueOptions, BootFlags, BootRepeatable, passThrough: true);

    /// <summary>The boot options of a command line (<see cref="ParseBootCommandLine"/>); every --disk must exist.
    /// <paramref name="interactiveInput"/>: standard input is a terminal, so that a shell gets no default time limit.</summary>
    public static BootRequest BootOptionsFrom(CommandLine cl, RepoLayout repo, string executable, TargetArch arch, bool interactiveInput = false)
    {
        bool gdb = cl.Flag("--gdb");
        if (cl.Has("--disk") && cl.Flag("--no-disk"))
            throw new LauncherException("--disk and --no-disk exclude each other");
        var disks = DiskImage.ParseAll(cl.Values("--disk"));
        var transport = cl.Value("--transport") is { } text ? VirtioTransports.Parse(text) : VirtioTransport.Legacy;
        if (arch == TargetArch.Host && (disks.Count > 0 || cl.Has("--transport")))
            throw new LauncherException("--disk and --transport apply to rv32 and rv64 only: a host program has no devices");
        bool bench = cl.Flag("--bench");
        string? tarFrom = cl.Value("--disk-from-dir");
        if (tarFrom is not null && (cl.Has("--disk") || cl.Flag("--no-disk") || bench || arch == TargetArch.Host))
            throw new LauncherException("--disk-from-dir makes blk0 itself: it excludes --disk, --no-disk, --bench and --arch host");
        if (tarFrom is not null && !Directory.Exists(tarFrom))
            throw new LauncherException($"--disk-from-dir {tarFrom}: no such folder");
        long? tarSize = cl.Value("--disk-size") is { } sizeText ? TarDisk.ParseSize(sizeText) : null;
        if (tarSize is not null && tarFrom is null)
            throw new LauncherException("--disk-size goes with --disk-from-dir");
        if (bench && (cl.Has("--disk") || cl.Flag("--no-disk")))
            throw new LauncherException("--bench attaches a fresh image of its own: it excludes --disk and --no-disk");
        if (arch == TargetArch.Host && cl.PassThrough.Count > 0)
            throw new LauncherException("QEMU arguments after -- apply to rv32 and rv64 only");
        if (arch == TargetArch.Host && (bench || cl.Has("--completion") || cl.Has("--queue-size") || cl.Flag("--shell")))
            throw new LauncherException("--bench, --completion, --queue-size and --shell apply to rv32 and rv64 only");
        string? completion = cl.Value("--completion") is { } c
            ? c is "poll" or "irq" ? c : throw new LauncherException($"--completion expects poll or irq, not '{c}'")
            : null;
        uint? queueSize = cl.Value("--queue-size") is { } q ? KernelArguments.ParseQueueSize(q) : null;
        bool shell = cl.Flag("--shell");
        // The kernel command line: what --bench, --completion, --queue-size and --shell stand for, then --append's text.
        var words = new List<string>();
        if (bench)
            words.Add("bench");
        if (completion is not null)
            words.Add($"blk.completion={completion}");
        if (queueSize is not null)
            words.Add($"blk.queue={queueSize}");
        if (shell)
            words.Add("shell");
        if (cl.Value("--append") is { } appended)
            words.Add(appended);
        return new BootRequest(
            new BootOptions
            {
                Executable = executable,
                Arch = arch,
                Timeout = cl.Timeout(gdb || (interactiveInput && KernelArguments.StartsShell(words)) ? null : TimeSpan.FromSeconds(bench ? 1800 : 60)),
                Append = words.Count > 0 ? string.Join(' ', words) : null,
                Disks = disks,
                Transport = transport,
                QemuLog = cl.Flag("--qemu-log") ? Path.Combine(repo.RunDirectory, "qemu.log") : null,
                Firmware = cl.Value("--firmware") is { } firmware ? Firmwares.Parse(firmware) : null,
                FirmwareElf = cl.Value("--firmware") is { } firmwareFile && Firmwares.IsFile(firmwareFile) ? Path.GetFullPath(firmwareFile) : null,
                Gdb = gdb,
                ExtraQemuArguments = [.. cl.PassThrough],
            },
            DefaultDisk: arch != TargetArch.Host && disks.Count == 0 && !cl.Flag("--no-disk") && !bench && tarFrom is null,
            BenchDisk: bench,
            TarFrom: tarFrom,
            TarSize: tarSize);
    }

    /// <summary>Boots; the default disk is a fresh copy of lorem.txt for this boot alone (<see cref="ScratchDisk"/>).
    /// The firmware is chosen (and the own one built) first: <see cref="Firmwares.Prepare"/>.</summary>
    private static int BootWith(RepoLayout repo, BootRequest request)
    {
        request = request with { Options = Firmwares.Prepare(repo, request.Options) };
        if (request.BenchDisk)
        {
            using var disk = SparseDisk.Create(repo);
            return Machine.Boot(request.Options with { Disks = [new DiskImage(disk.Path, ReadOnly: false)] });
        }
        if (request.TarFrom is not null)
        {
            using var tar = TarDisk.Create(repo, request.TarFrom, request.TarSize);
            return Machine.Boot(request.Options with { Disks = [new DiskImage(tar.Path, ReadOnly: false)] });
        }
        if (!request.DefaultDisk)
            return Machine.Boot(request.Options);
        using var scratch = ScratchDisk.Create(repo);
        return Machine.Boot(request.Options with { Disks = [new DiskImage(scratch.Path, ReadOnly: false)] });
    }
}
