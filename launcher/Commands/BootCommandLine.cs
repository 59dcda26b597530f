using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Rvc.Driver;

namespace Rvc.Launcher.Commands;

/// <summary>
/// The boot options, shared by <c>./run.sh</c> (build the kernel and boot it) and <c>./run.sh boot FILE.elf</c>.
/// To add one: declare it here, add it to <see cref="All"/>, and read it in <see cref="Read"/>; its help comes from its
/// description. Checks of one option's value belong in its parser (they then fail as a parse error, before any
/// build); checks between options and against the file system, in <see cref="Read"/>.
/// QEMU's own arguments are not parsed here: everything after the first <c>--</c> is split off before parsing
/// (<see cref="SplitAtDoubleDash"/>) and given to the constructor.
/// </summary>
public sealed class BootCommandLine(IReadOnlyList<string>? qemuArguments = null)
{
    /// <summary>The arguments after <c>--</c>: passed to QEMU unchanged, after the launcher's own.</summary>
    public IReadOnlyList<string> QemuArguments { get; } = qemuArguments ?? [];

    public Option<TargetArch?> Arch { get; } = ArchOption.Create("the program's arch");

    public Option<double?> Timeout { get; } = new("--timeout")
    {
        HelpName = "SECONDS",
        Description = "stop the program after this long (default 60, 0: no limit); exit status 124",
        CustomParser = ParseSeconds,
    };

    public Option<string> Append { get; } = new("--append")
    {
        HelpName = "TEXT",
        Description = "kernel command line (QEMU puts it in the device tree's /chosen/bootargs)",
    };

    public Option<string[]> Disk { get; } = new("--disk")
    {
        HelpName = "PATH[:ro]",
        Description = "attach PATH, in place, as a raw virtio-blk disk; several --disk go to slots 0, 1, ... "
            + "(virtio-mmio at 0x10001000, 0x10002000, ...; at most 8), with serial numbers disk0, disk1, ...; "
            + "PATH:ro attaches it read-only. Default: one disk, a fresh copy of lorem.txt for each boot "
            + "(artifacts/run/lorem.PID.txt, kept afterwards as artifacts/run/lorem.txt)",
    };

    public Option<bool> NoDisk { get; } = new("--no-disk") { Description = "attach no disk" };

    public Option<string> DiskFromDir { get; } = new("--disk-from-dir")
    {
        HelpName = "DIR",
        Description = "blk0 is a ustar archive of DIR's files and folders (the kernel's shell mounts it as its file system): "
            + "artifacts/run/tar.PID.img for the boot, kept afterwards as artifacts/run/disk.tar (tar -tvf / tar -xf read it)",
    };

    public Option<long?> DiskSize { get; } = new("--disk-size")
    {
        HelpName = "SIZE",
        Description = "the size of --disk-from-dir's disk (bytes, or with K, M, G; default 64M, or twice the archive and "
            + "16M more); the room past the archive is free for the kernel's writes",
        CustomParser = r =>
        {
            try
            {
                return TarDisk.ParseSize(r.Tokens.Single().Value);
            }
            catch (LauncherException e)
            {
                return Fail<long?>(r, e.Message);
            }
        },
    };

    public Option<VirtioTransport?> Transport { get; } = new("--transport")
    {
        HelpName = "legacy|modern",
        Description = "virtio-mmio version 1 (legacy, the default) or 2 (modern, virtio 1.0)",
        CustomParser = r => r.Tokens.Single().Value switch
        {
            "legacy" => VirtioTransport.Legacy,
            "modern" => VirtioTransport.Modern,
            var text => Fail<VirtioTransport?>(r, $"--transport expects legacy or modern, not '{text}'"),
        },
    };

    public Option<string> Ring { get; } = new("--ring")
    {
        HelpName = "split|packed",
        Description = "the disks' virtqueue format: split (virtio 1.2 2.7) or packed (2.8: QEMU's virtio-blk-device gets "
            + "packed=on; needs --transport modern). Adds blk.ring=split|packed to the command line (the kernel takes the "
            + "packed ring whenever a device offers it, unless blk.ring=split)",
        CustomParser = r => r.Tokens.Single().Value is var text && text is "split" or "packed"
            ? text : Fail<string>(r, $"--ring expects split or packed, not '{text}'"),
    };

    public Option<string> Completion { get; } = new("--completion")
    {
        HelpName = "poll|irq",
        Description = "how the kernel waits for the disk: adds blk.completion=poll|irq to the command line",
        CustomParser = r => r.Tokens.Single().Value is var text && text is "poll" or "irq"
            ? text : Fail<string>(r, $"--completion expects poll or irq, not '{text}'"),
    };

    public Option<uint?> QueueSize { get; } = new("--queue-size")
    {
        HelpName = "N",
        Description = $"at most N entries in each disk's request queue ({KernelArguments.MinQueueSize} to "
            + $"{KernelArguments.MaxQueueSize}; the kernel's default is 128): adds blk.queue=N to the command line",
        CustomParser = r => KernelArguments.TryParseQueueSize(r.Tokens.Single().Value, out uint size, out string? error)
            ? size : Fail<uint?>(r, error!),
    };

    public Option<bool> Shell { get; } = new("--shell")
    {
        Description = "the user shell (user/Shell) as the first process instead of the disk demo: adds shell=user to the "
            + "command line; the boot ends when no process is left. With a terminal there is no time limit unless "
            + "--timeout is given; piped input (printf 'hello\\nexit\\n' | ./run.sh --shell) drives it",
    };

    public Option<bool> KernelShell { get; } = new("--kernel-shell")
    {
        Description = "the kernel's own shell on the console instead of its disk demo: adds shell to the command line "
            + "(no time limit with a terminal; printf 'blk list\\npoweroff\\n' | ./run.sh --kernel-shell)",
    };

    public Option<bool> Bench { get; } = new("--bench")
    {
        Description = "the kernel's benchmark: adds 'bench' to the command line and attaches a fresh sparse 64 MiB image "
            + "(artifacts/run/bench.PID.img, deleted afterwards) instead of lorem.txt; time limit 1800 s unless "
            + "--timeout. Prints one 'bench:' line per case (bench/README.md)",
    };

    public Option<bool> QemuLog { get; } = new("--qemu-log")
    {
        Description = "log guest errors and unimplemented device accesses to artifacts/run/qemu.log",
    };

    public Option<bool> Gdb { get; } = new("--gdb")
    {
        Description = "build the kernel at -O0 and wait for gdb-multiarch on tcp::1234 (no time limit unless --timeout is given)",
    };

    public Option<string> Firmware { get; } = new("--firmware")
    {
        HelpName = "none|opensbi|own|FILE.elf",
        Description = "the M-mode firmware under an S-mode program (docs/abi.md, firmware/README.md): opensbi is QEMU's OpenSBI "
            + "(-bios default; rv64 only), own is firmware/ (rvcsbi, built when needed; FILE.elf: one already built), none is "
            + "-bios none. Default: an ELF whose entry is at or above 0x80200000 (an S-mode program, such as the kernel) gets "
            + "opensbi on rv64 and own on rv32, any other none",
    };

    /// <summary>Every boot option, in the order of the help.</summary>
    public IEnumerable<Option> All => [Arch, Timeout, Append, Disk, NoDisk, DiskFromDir, DiskSize, Transport, Ring, Completion, QueueSize, Shell, KernelShell, Bench, Firmware, QemuLog, Gdb];

    /// <summary>Notes for the help of a command with these options.</summary>
    public const string Notes = """
        -- QEMU ARGS...: everything after -- goes to QEMU unchanged, after the launcher's own arguments: e.g.
          ./run.sh --kernel-shell --no-disk -- -blockdev driver=null-co,node-name=n0,size=64M -device virtio-blk-device,drive=n0
        (a blkdebug, null-co or throttled drive, a QMP socket with -qmp unix:PATH,server=on,wait=off, ...).
        --bench, --ring, --completion, --queue-size, --shell and --kernel-shell put their options before the --append text (the kernel
        takes the last of a repeated option, so --append's wins). Any other option before -- is an error.
        The exit status is the program's (QEMU reports what it wrote to sifive_test at 0x100000).
        An S-mode kernel (entry point 0x80200000, as kernel/Kernel.csproj builds it) boots under SBI firmware (rv64:
        QEMU's OpenSBI, rv32: the own); its status is its last line, 'poweroff: status N', when QEMU's is 0 or 1
        (kernel/README.md). A host program killed by a signal is named (SIGSEGV, ...).
        With a terminal, QEMU owns it while running: Ctrl-A then X quits.
        """;

    /// <summary>Adds the boot options to <paramref name="command"/>; each may be given once, <c>--disk</c> up to eight times.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
            command.Options.Add(option);
    }

    /// <summary>The launcher's own arguments and QEMU's: those before the first <c>--</c> and those after it. System.CommandLine
    /// reads every <c>--</c> as the end of options, wherever it is (even as an option's value), so splitting at the first
    /// one is what its own parser would do.</summary>
    public static (string[] Own, string[] Qemu) SplitAtDoubleDash(IReadOnlyList<string> args)
    {
        int doubleDash = args.ToList().IndexOf("--");
        return doubleDash < 0 ? ([.. args], []) : ([.. args.Take(doubleDash)], [.. args.Skip(doubleDash + 1)]);
    }

    /// <summary>Makes <paramref name="command"/>, which boots nothing, refuse arguments after <c>--</c>.</summary>
    public static void RefuseQemuArguments(Command command, IReadOnlyList<string> qemuArguments)
    {
        command.Validators.Add(r =>
        {
            if (qemuArguments.Count > 0)
                r.AddError($"{command.Name}: the arguments after -- go to QEMU, and {command.Name} boots nothing");
        });
    }

    /// <summary>The boot options of a parsed command line; every --disk must exist.
    /// <paramref name="interactiveInput"/>: standard input is a terminal, so that a shell gets no default time limit.</summary>
    public BootRequest Read(ParseResult result, RepoLayout repo, string executable, TargetArch arch, bool interactiveInput = false)
    {
        bool Given(Option option) => result.GetResult(option) is { Implicit: false };

        bool gdb = result.GetValue(Gdb);
        bool noDisk = result.GetValue(NoDisk);
        bool bench = result.GetValue(Bench);
        bool shell = result.GetValue(Shell);
        bool kernelShell = result.GetValue(KernelShell);
        if (shell && kernelShell)
            throw new LauncherException("--shell (the user shell) and --kernel-shell exclude each other");
        string? completion = result.GetValue(Completion);
        string? ring = result.GetValue(Ring);
        var transport = result.GetValue(Transport) ?? VirtioTransport.Legacy;
        uint? queueSize = result.GetValue(QueueSize);
        string? firmware = result.GetValue(Firmware);
        string? tarFrom = result.GetValue(DiskFromDir);
        long? tarSize = result.GetValue(DiskSize);
        var qemuArguments = QemuArguments;
        if (Given(Disk) && noDisk)
            throw new LauncherException("--disk and --no-disk exclude each other");
        var disks = DiskImage.ParseAll(result.GetValue(Disk) ?? []);
        if (arch == TargetArch.Host && (disks.Count > 0 || Given(Transport)))
            throw new LauncherException("--disk and --transport apply to rv32 and rv64 only: a host program has no devices");
        if (tarFrom is not null && (Given(Disk) || noDisk || bench || arch == TargetArch.Host))
            throw new LauncherException("--disk-from-dir makes blk0 itself: it excludes --disk, --no-disk, --bench and --arch host");
        if (tarFrom is not null && !Directory.Exists(tarFrom))
            throw new LauncherException($"--disk-from-dir {tarFrom}: no such folder");
        if (tarSize is not null && tarFrom is null)
            throw new LauncherException("--disk-size goes with --disk-from-dir");
        if (bench && (Given(Disk) || noDisk))
            throw new LauncherException("--bench attaches a fresh image of its own: it excludes --disk and --no-disk");
        if (arch == TargetArch.Host && qemuArguments.Count > 0)
            throw new LauncherException("QEMU arguments after -- apply to rv32 and rv64 only");
        if (arch == TargetArch.Host && (bench || ring is not null || completion is not null || queueSize is not null || shell || kernelShell))
            throw new LauncherException("--bench, --ring, --completion, --queue-size, --shell and --kernel-shell apply to rv32 and rv64 only");
        if (ring == "packed" && transport != VirtioTransport.Modern)
            throw new LauncherException("--ring packed needs --transport modern: the packed virtqueue is feature bit 34, "
                + "which the legacy virtio-mmio interface (one 32-bit feature word) cannot offer");

        // The kernel command line: what --bench, --ring, --completion, --queue-size and --shell stand for, then --append's text.
        var words = new List<string>();
        if (bench)
            words.Add("bench");
        if (ring is not null)
            words.Add($"blk.ring={ring}");
        if (completion is not null)
            words.Add($"blk.completion={completion}");
        if (queueSize is not null)
            words.Add($"blk.queue={queueSize}");
        if (shell)
            words.Add("shell=user");
        if (kernelShell)
            words.Add("shell");
        if (result.GetValue(Append) is { } appended)
            words.Add(appended);

        TimeSpan? defaultTimeout = gdb || (interactiveInput && KernelArguments.StartsShell(words)) ? null : TimeSpan.FromSeconds(bench ? 1800 : 60);
        TimeSpan? timeout = result.GetValue(Timeout) is { } seconds ? seconds == 0 ? null : TimeSpan.FromSeconds(seconds) : defaultTimeout;
        return new BootRequest(
            new BootOptions
            {
                Executable = executable,
                Arch = arch,
                Timeout = timeout,
                Append = words.Count > 0 ? string.Join(' ', words) : null,
                Disks = disks,
                Transport = transport,
                PackedRing = ring == "packed",
                QemuLog = result.GetValue(QemuLog) ? Path.Combine(repo.RunDirectory, "qemu.log") : null,
                Gdb = gdb,
                Firmware = firmware is not null ? Firmwares.Parse(firmware) : null,
                FirmwareElf = firmware is not null && Firmwares.IsFile(firmware) ? Path.GetFullPath(firmware) : null,
                ExtraQemuArguments = [.. qemuArguments],
            },
            DefaultDisk: arch != TargetArch.Host && disks.Count == 0 && !noDisk && !bench && tarFrom is null,
            BenchDisk: bench,
            TarFrom: tarFrom,
            TarSize: tarSize);
    }

    /// <summary>The boot options of <paramref name="args"/> alone, as <c>./run.sh boot</c> reads them: what the tests
    /// check without booting. A parse error is thrown as a <see cref="LauncherException"/>.</summary>
    public static BootRequest Parse(IReadOnlyList<string> args, RepoLayout repo, string executable, TargetArch arch, bool interactiveInput = false)
    {
        var (own, qemu) = SplitAtDoubleDash(args);
        var options = new BootCommandLine(qemu);
        var command = new RootCommand("boot options");
        options.AddTo(command);
        CommandLineTool.RejectRepeats(command, options.Disk);
        var result = CommandLineTool.Parse(command, own);
        if (result.Errors.Count > 0)
            throw new LauncherException(string.Join("; ", result.Errors.Select(e => e.Message)));
        return options.Read(result, repo, executable, arch, interactiveInput);
    }

    /// <summary><c>--timeout SECONDS</c>: a number of seconds, 0 for no limit.</summary>
    private static double? ParseSeconds(ArgumentResult r)
    {
        var text = r.Tokens.Single().Value;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || !double.IsFinite(seconds))
            return Fail<double?>(r, $"--timeout expects a number of seconds (0 for no limit), not '{text}'");
        return seconds;
    }

    private static T? Fail<T>(ArgumentResult r, string message)
    {
        r.AddError(message);
        return default;
    }
}
