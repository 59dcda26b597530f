using Rvc.Driver;

namespace Rvc.Launcher;

/// <summary>How to boot an executable.</summary>
public sealed record BootOptions
{
    public required string Executable { get; init; }
    public required TargetArch Arch { get; init; }
    /// <summary>Null: no limit.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>The kernel command line (QEMU puts it in the device tree's /chosen/bootargs).</summary>
    public string? Append { get; init; }
    /// <summary>Raw disk images, each a virtio-blk device: the Nth on virtio-mmio slot N (0x10001000 + N * 0x1000),
    /// with serial number <c>diskN</c>. Used in place.</summary>
    public IReadOnlyList<DiskImage> Disks { get; init; } = [];
    /// <summary>The virtio-mmio transport of every slot.</summary>
    public VirtioTransport Transport { get; init; } = VirtioTransport.Legacy;
    /// <summary>Every virtio-blk device offers the packed virtqueue (QEMU's <c>packed=on</c>; modern transport).</summary>
    public bool PackedRing { get; init; }
    /// <summary>Where QEMU logs guest errors and unimplemented device accesses; null: no log.</summary>
    public string? QemuLog { get; init; }
    /// <summary>The M-mode firmware under the program; null: chosen by <see cref="Firmwares.Prepare"/> from the
    /// executable's entry. <see cref="Machine.QemuArguments"/> takes null as <see cref="FirmwareKind.None"/>.</summary>
    public FirmwareKind? Firmware { get; init; }
    /// <summary>The own firmware's ELF (<see cref="FirmwareKind.Own"/>), built by <see cref="Firmwares.Prepare"/>.</summary>
    public string? FirmwareElf { get; init; }
    /// <summary>Wait for a debugger on tcp::<see cref="GdbPort"/> before running.</summary>
    public bool Gdb { get; init; }
    public const int GdbPort = 1234;
    /// <summary>Arguments given after <c>--</c>: passed to QEMU unchanged, after the launcher's own.</summary>
    public IReadOnlyList<string> ExtraQemuArguments { get; init; } = [];
}

/// <summary>Boots an executable: under QEMU's virt machine for RISC-V, directly for the host.</summary>
public static class Machine
{
    /// <summary>
    /// The QEMU command line. The firmware first (<see cref="Firmwares.QemuArguments"/>): with <c>-bios none</c> the
    /// program itself starts in M-mode at 0x80000000 (QEMU passes a0 = hart id, a1 = device tree); under OpenSBI or
    /// the own firmware it starts in S-mode at 0x80200000 (docs/abi.md, "Firmware (SBI)"). The console is the NS16550A UART on
    /// stdio: with a terminal it is multiplexed with the monitor (<c>mon:stdio</c>: Ctrl-A X quits, Ctrl-C goes
    /// to the guest); otherwise plain <c>stdio</c> without a monitor, so piped input reaches the guest unchanged.
    /// <c>-no-reboot</c> turns a guest reset into an exit; the exit status comes from sifive_test at 0x100000.
    /// </summary>
    public static List<string> QemuArguments(BootOptions options, bool interactive)
    {
        List<string> args =
        [
            "-machine", "virt", .. Firmwares.QemuArguments(options.Firmware ?? FirmwareKind.None, options.FirmwareElf),
            "-m", "128M", "-smp", "1", "-nographic",
        ];
        if (interactive)
            args.AddRange(["-serial", "mon:stdio"]);
        else
            args.AddRange(["-serial", "stdio", "-monitor", "none"]);
        args.Add("-no-reboot");
        // Explicit either way, so that the guest sees the same transport whatever QEMU's default.
        args.AddRange(["-global", $"virtio-mmio.force-legacy={(options.Transport == VirtioTransport.Legacy ? "true" : "false")}"]);
        // packed=on for every virtio-blk-device, the ones given after -- included.
        if (options.PackedRing)
            args.AddRange(["-global", "virtio-blk-device.packed=on"]);
        if (options.Disks.Count > DiskImage.MaxDisks)
            throw new LauncherException($"{options.Disks.Count} disks; QEMU's virt machine has {DiskImage.MaxDisks} virtio-mmio slots");
        for (int n = 0; n < options.Disks.Count; n++)
        {
            var disk = options.Disks[n];
            // discard=unmap: a discard, or a write-zeroes with the unmap flag, punches a hole in the image (QEMU's
            // default, discard=ignore, completes them and keeps the data).
            args.AddRange(["-drive", $"id=disk{n},file={EscapeOption(disk.Path)},format=raw,if=none,discard=unmap{(disk.ReadOnly ? ",readonly=on" : "")}",
                           "-device", $"virtio-blk-device,drive=disk{n},bus=virtio-mmio-bus.{n},serial=disk{n}"]);
        }
        if (options.QemuLog is not null)
            args.AddRange(["-d", "guest_errors,unimp", "-D", options.QemuLog]);
        if (options.Gdb)
            args.AddRange(["-S", "-gdb", $"tcp::{BootOptions.GdbPort}"]);
        if (options.Append is not null)
            args.AddRange(["-append", options.Append]);
        args.AddRange(["-kernel", options.Executable]);
        args.AddRange(options.ExtraQemuArguments);
        return args;
    }

    /// <summary>The status a kernel under SBI firmware says it ends with: its last line, <c>poweroff: status N</c>
    /// (OpenSBI v1.1's SRST cannot carry a status: QEMU exits 0 for every shutdown). Null without such a line.</summary>
    public static int? StatusFromConsole(string console)
    {
        const string Prefix = "poweroff: status ";
        string? last = console.TrimEnd('\n').Split('\n').LastOrDefault();
        return last is not null && last.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(last.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int status)
            ? status
            : null;
    }

    /// <summary>Boots and returns the program's exit status (124 on timeout).</summary>
    public static int Boot(BootOptions options)
    {
        var executable = Path.GetFullPath(options.Executable);
        var elfArch = ElfFile.ReadArch(executable);
        if (elfArch != options.Arch)
            throw new LauncherException($"{options.Executable} is built for {elfArch.Name()}, not {options.Arch.Name()}");

        if (options.Arch == TargetArch.Host)
        {
            if (options.Gdb || options.QemuLog is not null)
                throw new LauncherException("--gdb and --qemu-log apply to rv32 and rv64 only: a host program runs directly");
            if (options.Append is not null)
                throw new LauncherException("--append applies to rv32 and rv64 only");
            if (options.Disks.Count > 0)
                throw new LauncherException("--disk applies to rv32 and rv64 only");
            var hostTail = new OutputTail();
            int status = ProcessRunner.RunStreaming(executable, [], options.Timeout, Path.GetFileName(executable), hostTail);
            if (CrashSignal(status) is string signal)
                Console.Error.WriteLine($"error: {Path.GetFileName(executable)} was killed by signal {status - 128} ({signal})");
            Symbolizer.ReportPanic(executable, hostTail.Text);
            return status;
        }

        Prerequisites.Ensure(Prerequisites.ToolsFor(options.Arch, compile: false, boot: true));
        var qemu = Prerequisites.QemuFor(options.Arch);
        bool interactive = !Console.IsInputRedirected;
        if (options.QemuLog is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.QemuLog))!);
            Console.Error.WriteLine($"launcher: QEMU logs guest errors and unimplemented accesses to {options.QemuLog}");
        }
        if (options.Gdb)
        {
            Console.Error.WriteLine($"launcher: QEMU waits for a debugger on port {BootOptions.GdbPort}; in another terminal run:");
            // -x: the pretty-printers that show strings, spans and fixed buffers (compiler/gdb/rvc.py).
            string printers = $"-x {ToolchainLayout.Locate().GdbPrinters}";
            if (options.Firmware == FirmwareKind.Own)
                // The firmware's symbols first (it runs first, at 0x80000000), the program's added (firmware/README.md).
                Console.Error.WriteLine($"  gdb-multiarch {printers} {options.FirmwareElf} -ex 'add-symbol-file {executable}' -ex 'target remote localhost:{BootOptions.GdbPort}'");
            else
                Console.Error.WriteLine($"  gdb-multiarch {printers} {executable} -ex 'target remote localhost:{BootOptions.GdbPort}'");
            if (Path.GetFileName(executable) == "Kernel.elf")
            {
                // User programs are linked where they run (0x1000000), so their ELFs' symbols work as they are; the
                // build puts each beside the kernel's folder, in the same configuration (user/README.md).
                var kernelDir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(executable))!);
                string shellElf = Path.Combine(kernelDir.Parent!.Parent!.FullName, "Shell", kernelDir.Name, "shell.elf");
                Console.Error.WriteLine($"  for a user program's C# lines add -ex 'add-symbol-file {shellElf}' (the shell; the others likewise, user/README.md)");
            }
        }
        if (interactive)
            Console.Error.WriteLine("launcher: press Ctrl-A then X to quit QEMU");
        var tail = new OutputTail();
        if ((options.Firmware ?? FirmwareKind.None) == FirmwareKind.None)
        {
            int status = ProcessRunner.RunStreaming(qemu, QemuArguments(options with { Executable = executable }, interactive), options.Timeout, qemu, tail, keepInputOpen: true);
            Symbolizer.ReportPanic(executable, tail.Text);
            return status;
        }

        // Under SBI firmware: the kernel's status comes from its console, and a panic's addresses get names.
        int qemuStatus = ProcessRunner.RunStreaming(qemu, QemuArguments(options with { Executable = executable }, interactive),
            options.Timeout, qemu, tail, holdInputUntilOutput: true, keepInputOpen: true);
        string console = tail.Text;
        Symbolizer.ReportPanic(executable, console);
        if (qemuStatus is 0 or 1 && StatusFromConsole(console) is int said)
            return said;
        return qemuStatus;
    }

    /// <summary>The name of the signal a host program died of, if <paramref name="status"/> says it did. .NET reports a
    /// death by signal N as the status 128 + N, as a shell does; only the signals of a crash (a bad access, an illegal
    /// instruction, an arithmetic trap) or of an outside kill are named. 134 (SIGABRT) is left out: it is also the
    /// status of a panic, and a program of this runtime never calls abort().</summary>
    public static string? CrashSignal(int status) => status switch
    {
        128 + 4 => "SIGILL",
        128 + 5 => "SIGTRAP",
        128 + 7 => "SIGBUS",
        128 + 8 => "SIGFPE",
        128 + 9 => "SIGKILL",
        128 + 11 => "SIGSEGV",
        128 + 15 => "SIGTERM",
        128 + 31 => "SIGSYS",
        _ => null,
    };

    /// <summary>QEMU's option syntax: a comma in a value is written twice.</summary>
    private static string EscapeOption(string value) => value.Replace(",", ",,");
}
