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
    /// <summary>A raw disk image attached as virtio-blk on the first virtio-mmio slot (0x10001000); null: none.</summary>
    public string? Disk { get; init; }
    /// <summary>The disk is a scratch copy: skip QEMU's image locking so that boots can run side by side.</summary>
    public bool ScratchDisk { get; init; }
    /// <summary>Where QEMU logs guest errors and unimplemented device accesses; null: no log.</summary>
    public string? QemuLog { get; init; }
    /// <summary>Wait for a debugger on tcp::<see cref="GdbPort"/> before running.</summary>
    public bool Gdb { get; init; }
    public const int GdbPort = 1234;
}

/// <summary>Boots an executable: under QEMU's virt machine for RISC-V, directly for the host.</summary>
public static class Machine
{
    /// <summary>
    /// The QEMU command line. <c>-bios none</c>: Debian ships no 32-bit OpenSBI, so the kernel itself starts in
    /// M-mode at 0x80000000 (QEMU passes a0 = hart id, a1 = device tree). The console is the NS16550A UART on
    /// stdio: with a terminal it is multiplexed with the monitor (<c>mon:stdio</c>: Ctrl-A X quits, Ctrl-C goes
    /// to the guest); otherwise plain <c>stdio</c> without a monitor, so piped input reaches the guest unchanged.
    /// <c>-no-reboot</c> turns a guest reset into an exit; the exit status comes from sifive_test at 0x100000.
    /// </summary>
    public static List<string> QemuArguments(BootOptions options, bool interactive)
    {
        var args = new List<string>
        {
            "-machine", "virt", "-bios", "none", "-m", "128M", "-smp", "1",
            "-nographic",
        };
        if (interactive)
            args.AddRange(["-serial", "mon:stdio"]);
        else
            args.AddRange(["-serial", "stdio", "-monitor", "none"]);
        args.Add("-no-reboot");
        if (options.Disk is not null)
        {
            args.AddRange(["-drive", $"id=d0,file={EscapeOption(options.Disk)},format=raw,if=none{(options.ScratchDisk ? ",file.locking=off" : "")}",
                           "-device", "virtio-blk-device,drive=d0,bus=virtio-mmio-bus.0"]);
        }
        if (options.QemuLog is not null)
            args.AddRange(["-d", "guest_errors,unimp", "-D", options.QemuLog]);
        if (options.Gdb)
            args.AddRange(["-S", "-gdb", $"tcp::{BootOptions.GdbPort}"]);
        if (options.Append is not null)
            args.AddRange(["-append", options.Append]);
        args.AddRange(["-kernel", options.Executable]);
        return args;
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
            return ProcessRunner.RunStreaming(executable, [], options.Timeout, Path.GetFileName(executable));
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
            Console.Error.WriteLine($"  gdb-multiarch {executable} -ex 'target remote localhost:{BootOptions.GdbPort}'");
        }
        if (interactive)
            Console.Error.WriteLine("launcher: press Ctrl-A then X to quit QEMU");
        return ProcessRunner.RunStreaming(qemu, QemuArguments(options with { Executable = executable }, interactive), options.Timeout, qemu);
    }

    /// <summary>QEMU's option syntax: a comma in a value is written twice.</summary>
    private static string EscapeOption(string value) => value.Replace(",", ",,");
}
