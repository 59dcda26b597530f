using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Rvc.Kernel.Tests;

/// <summary>
/// Issue 12 under QEMU 7.2, each with the drive attached through the launcher's <c>--</c> (QEMU's own arguments): a
/// blkdebug drive failing chosen reads, writes and flushes (the error for that request only, the others complete, the
/// file holds exactly the writes that succeeded); a null-co drive with seconds of latency (waited for, with a warning;
/// the disk keeps working); a throttled drive (the fill test passes); QEMU stopped with SIGSTOP for longer than the
/// deadline asked for (the fill test passes); QMP block_resize grow and shrink (the new size seen, nothing past the end
/// reaches the device); 4 KiB logical blocks (the demo, the shell and the fill test). Esc before Enter and an over-long
/// line at the shell.
/// </summary>
public class FaultInjectionTests
{
    private static string Drive(string node, string spec, string device = "") =>
        $"-blockdev {spec} -device virtio-blk-device,drive={node}{device}";

    private static string[] Pass(params string[] qemu) => ["--", .. qemu.SelectMany(q => q.Split(' '))];

    /// <summary>QEMU options for <paramref name="disk"/> as a raw drive behind a throttle group with
    /// <paramref name="limits"/> (the group's <c>x-</c> properties).</summary>
    private static string[] Throttled(string disk, string limits) =>
    [
        $"-object throttle-group,id=tg0,{limits}",
        Drive("t0", $"driver=throttle,node-name=t0,throttle-group=tg0,file.driver=raw,file.file.driver=file,file.file.filename={disk}"),
    ];

    [Theory]
    [InlineData("rv32", "legacy", "poll")]
    [InlineData("rv64", "modern", "irq")]
    public void BlkdebugErrorsFailThoseRequestsAlone(string arch, string transport, string completion)
    {
        string disk = DiskImages.CreateSparse(nameof(BlkdebugErrorsFailThoseRequestsAlone), $"{arch}-{transport}", 1 << 20);
        string config = Path.Combine(Path.GetDirectoryName(disk)!, "blkdebug.cfg");
        // Reads of sector 80, writes of sector 160 and every flush fail with EIO (QEMU: VIRTIO_BLK_S_IOERR).
        File.WriteAllText(config, """
            [inject-error]
            event = "read_aio"
            errno = "5"
            sector = "80"

            [inject-error]
            event = "write_aio"
            errno = "5"
            sector = "160"

            [inject-error]
            event = "flush_to_disk"
            errno = "5"
            """);
        string[] commands =
        [
            "blk read blk0 80", "blk read blk0 81 1", "blk write blk0 160 lost", "blk write blk0 161 kept",
            "blk flush blk0", "blk write blk0 162 also", "blk read blk0 161 1", "poweroff",
        ];
        var boot = KernelBoot.BootWithInput(arch, ShellSession.Input(commands),
        [
            "--no-disk", "--kernel-shell", "--transport", transport, "--completion", completion,
            .. Pass(Drive("d0", $"driver=raw,node-name=d0,file.driver=blkdebug,file.config={config},file.image.driver=file,file.image.filename={disk}", ",serial=dbg")),
        ]);
        var replies = ShellSession.Expect(boot, commands);
        ShellSession.AssertReply(["blk0: error: device I/O error"], replies[0], commands[0], boot);
        ShellSession.AssertReply(ShellSession.HexDump(new byte[512], 81 * 512), replies[1], commands[1], boot);
        ShellSession.AssertReply(["blk0: error: device I/O error"], replies[2], commands[2], boot);
        ShellSession.AssertReply(["blk0: wrote sector 161: 4 bytes of text, then NUL bytes"], replies[3], commands[3], boot);
        ShellSession.AssertReply(["blk0: error: device I/O error"], replies[4], commands[4], boot);
        ShellSession.AssertReply(["blk0: wrote sector 162: 4 bytes of text, then NUL bytes"], replies[5], commands[5], boot);
        byte[] kept = new byte[512];
        "kept"u8.CopyTo(kept);
        ShellSession.AssertReply(ShellSession.HexDump(kept, 161 * 512), replies[6], commands[6], boot);

        // The file holds exactly the writes that succeeded.
        byte[] expected = new byte[1 << 20];
        "kept"u8.CopyTo(expected.AsSpan(161 * 512));
        "also"u8.CopyTo(expected.AsSpan(162 * 512));
        DiskImages.AssertContents(expected, disk, boot);
        DiskImages.Discard(disk);
    }

    [Theory]
    [InlineData("rv32", "poll")]
    [InlineData("rv64", "irq")]
    public void ASlowDeviceIsWaitedForWithAWarning(string arch, string completion)
    {
        // null-co answers every request after 2.5 s; the kernel warns after 1 s (blk.warn=1) and keeps waiting.
        string[] commands = ["blk read blk0 5 1", "blk read blk0 6 1", "poweroff"];
        var boot = KernelBoot.BootWithInput(arch, ShellSession.Input(commands),
        [
            "--no-disk", "--kernel-shell", "--completion", completion, "--append", "blk.warn=1",
            .. Pass(Drive("n0", "driver=null-co,node-name=n0,size=1048576,read-zeroes=on,latency-ns=2500000000")),
        ]);
        BootAssert.ExitedWith(0, boot);
        var replies = ShellSession.Expect(boot, commands);
        foreach (int i in new[] { 0, 1 })
        {
            Assert.True(replies[i].Any(l => l.StartsWith("blk: warning: a request has waited ", StringComparison.Ordinal)),
                $"no warning for '{commands[i]}'\n{boot.Describe()}");
            var dump = replies[i].Where(l => !l.StartsWith("blk: warning", StringComparison.Ordinal)).ToList();
            ShellSession.AssertReply(ShellSession.HexDump(new byte[512], (5 + i) * 512), dump, commands[i], boot);
        }
    }

    [Theory]
    [InlineData("rv32", "legacy", "irq")]
    [InlineData("rv64", "modern", "poll")]
    public void AThrottledDriveStillFillsAndVerifies(string arch, string transport, string completion)
    {
        const long Bytes = 2L << 20;
        string disk = DiskImages.CreateSparse(nameof(AThrottledDriveStillFillsAndVerifies), $"{arch}-{transport}", Bytes);
        var boot = KernelBoot.Boot(arch,
        [
            "--no-disk", "--transport", transport, "--completion", completion, "--append", "blk.fill=5 blk.timeout=30",
            .. Pass(Throttled(disk, "x-iops-total=150,x-bps-total=4000000")),
        ]);
        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLineStartingWith($"blk: fill seed=5 sectors={Bytes / 512} ", boot, endingWith: " verified=ok");
        DiskImages.AssertFilled(disk, 5, Bytes / 512, boot);
        DiskImages.Discard(disk);
    }

    [Theory]
    [InlineData("rv32", "legacy", "poll")]
    [InlineData("rv64", "modern", "irq")]
    public void AStoppedQemuIsNotADeadDevice(string arch, string transport, string completion)
    {
        // A deadline of 2 s (blk.timeout=2); QEMU is stopped for 5 s while the fill test runs, then resumed. The drive
        // is throttled to 8 MB/s, so the fill (32 MiB written, then read) takes at least 8 s on any host: on a fast
        // host an unthrottled fill ends, and QEMU exits, before the test can stop it.
        const long Bytes = 32L << 20;
        const string Summary = "blk: fill seed=9 ";
        string disk = DiskImages.CreateSparse(nameof(AStoppedQemuIsNotADeadDevice), $"{arch}-{transport}", Bytes);
        string pidFile = Path.Combine(Path.GetDirectoryName(disk)!, "qemu.pid");
        using var session = InteractiveShell.Start(arch,
        [
            "--no-disk", "--transport", transport, "--completion", completion, "--append", "blk.fill=9 blk.timeout=2",
            .. Pass([$"-pidfile {pidFile}", .. Throttled(disk, "x-bps-total=8000000")]),
        ], waitFor: "blk: fill blk0: ");
        var clock = Stopwatch.StartNew();
        while ((!File.Exists(pidFile) || new FileInfo(pidFile).Length == 0) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(10);
        }

        Assert.True(File.Exists(pidFile), $"QEMU wrote no {pidFile} in 10 s\n{session.Output}");
        int pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Signal("STOP", pid);
        Assert.DoesNotContain(Summary, session.Output);   // the fill had not ended: the stop falls inside it
        Thread.Sleep(5000);
        Signal("CONT", pid);
        string output = session.Finish();
        Assert.True(output.Split('\n').Any(l => l.StartsWith(Summary, StringComparison.Ordinal) && l.TrimEnd('\r').EndsWith(" verified=ok", StringComparison.Ordinal)),
            output);
        Assert.Equal(0, session.ExitCode);
        var boot = new BootResult(arch, [], output, "", session.ExitCode, false);
        DiskImages.AssertFilled(disk, 9, Bytes / 512, boot);
        DiskImages.Discard(disk);
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    [Theory]
    [InlineData("rv32", "legacy", "poll")]
    [InlineData("rv64", "modern", "irq")]
    public void BlockResizeIsSeenAndNothingPastTheEndReachesTheDevice(string arch, string transport, string completion)
    {
        string disk = DiskImages.CreateSparse(nameof(BlockResizeIsSeenAndNothingPastTheEndReachesTheDevice), $"{arch}-{transport}", 1 << 20);
        string socket = Path.Combine(Path.GetTempPath(), $"rvc-qmp-{Environment.ProcessId}-{arch}.sock");
        File.Delete(socket);
        using var session = InteractiveShell.Start(arch,
        [
            "--no-disk", "--kernel-shell", "--transport", transport, "--completion", completion,
            .. Pass($"-qmp unix:{socket},server=on,wait=off",
                Drive("d0", $"driver=raw,node-name=d0,file.driver=file,file.filename={disk}")),
        ]);
        session.Command("blk list", "; 2048 sectors,");
        using (var qmp = Qmp.Connect(socket))
        {
            qmp.Execute("""{"execute":"block_resize","arguments":{"node-name":"d0","size":2097152}}""");
            session.Command("blk list", "; 4096 sectors,");
            session.Command("blk write blk0 4000 grown", "blk0: wrote sector 4000:");
            qmp.Execute("""{"execute":"block_resize","arguments":{"node-name":"d0","size":524288}}""");
        }

        session.Command("blk write blk0 2000 past", "blk0: error: sector out of range");
        session.Command("blk list", "; 1024 sectors,");
        session.Command("blk write blk0 1023 last", "blk0: wrote sector 1023:");
        session.Command("poweroff", "powering off");
        string output = session.Finish();
        Assert.Equal(524288, new FileInfo(disk).Length);   // the shrink cut the file: the write to 2000 never reached it
        byte[] image = File.ReadAllBytes(disk);
        Assert.True(image.AsSpan(1023 * 512, 4).SequenceEqual("last"u8), output);
        DiskImages.Discard(disk);
    }

    [Theory]
    [InlineData("rv32", "legacy", "poll")]
    [InlineData("rv64", "modern", "irq")]
    public void FourKiBLogicalBlocksRunTheDemoTheShellAndTheFill(string arch, string transport, string completion)
    {
        string device = ",logical_block_size=4096,physical_block_size=4096";
        byte[] lorem = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "lorem.txt"));
        byte[] image = new byte[64 << 10];
        lorem.CopyTo(image, 0);
        string disk = DiskImages.Create(nameof(FourKiBLogicalBlocksRunTheDemoTheShellAndTheFill), $"{arch}-{transport}", image);
        string[] drive = Pass(Drive("d0", $"driver=raw,node-name=d0,file.driver=file,file.filename={disk}", device + ",serial=big"));

        var demo = KernelBoot.Boot(arch, ["--no-disk", "--transport", transport, "--completion", completion, .. drive]);
        BootAssert.ExitedWith(0, demo);
        BootAssert.HasLine("blk0: 65536 bytes, block 4096, rw, serial \"big\"", demo);
        byte[] expected = DiskImages.AfterDemo(image);
        DiskImages.AssertContents(expected, disk, demo);

        string[] commands = ["blk write blk0 2 four", "blk read blk0 2", "poweroff"];
        var shell = KernelBoot.BootWithInput(arch, ShellSession.Input(commands),
            ["--no-disk", "--kernel-shell", "--transport", transport, "--completion", completion, .. drive]);
        var replies = ShellSession.Expect(shell, commands);
        ShellSession.AssertReply(["blk0: wrote block 2: 4 bytes of text, then NUL bytes"], replies[0], commands[0], shell);
        byte[] block = new byte[4096];
        "four"u8.CopyTo(block);
        ShellSession.AssertReply(ShellSession.HexDump(block, 2 * 4096), replies[1], commands[1], shell);
        block.CopyTo(expected, 2 * 4096);
        DiskImages.AssertContents(expected, disk, shell);

        const long Bytes = 8L << 20;
        string fillDisk = DiskImages.CreateBeside(disk, "fill.img", []);
        using (var stream = new FileStream(fillDisk, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(Bytes);
        }

        var fill = KernelBoot.Boot(arch,
        [
            "--no-disk", "--transport", transport, "--completion", completion, "--append", "blk.fill=3",
            .. Pass(Drive("d0", $"driver=raw,node-name=d0,file.driver=file,file.filename={fillDisk}", device)),
        ]);
        BootAssert.ExitedWith(0, fill);
        BootAssert.HasLineStartingWith($"blk: fill seed=3 sectors={Bytes / 512} ", fill, endingWith: " verified=ok");
        DiskImages.AssertFilled(fillDisk, 3, Bytes / 512, fill);
        DiskImages.Discard(disk);
    }

    /// <summary>The bench on 4 KiB logical blocks: every case of a block or more runs and verifies its writes; the 512-byte
    /// case, smaller than a block, is left out rather than failed.</summary>
    [Theory]
    [InlineData("rv32", "modern", "irq")]
    [InlineData("rv64", "legacy", "poll")]
    public void FourKiBLogicalBlocksRunTheBench(string arch, string transport, string completion)
    {
        string disk = DiskImages.CreateSparse(nameof(FourKiBLogicalBlocksRunTheBench), $"{arch}-{transport}", 16L << 20);
        var boot = KernelBoot.Boot(arch,
        [
            "--no-disk", "--transport", transport, "--completion", completion, "--append", "bench bench.ms=20 bench.qd=1,4",
            .. Pass(Drive("d0", $"driver=raw,node-name=d0,file.driver=file,file.filename={disk}", ",logical_block_size=4096,physical_block_size=4096")),
        ]);
        BootAssert.ExitedWith(0, boot);
        BootAssert.HasLine("blk0: 16777216 bytes, block 4096, rw, serial \"\"", boot);
        var cases = boot.Lines.Where(l => l.StartsWith("bench: arch=", StringComparison.Ordinal)).ToList();
        Assert.True(cases.Count == 16, boot.Describe());   // read, write x seq, rand x 4096, 65536 x qd 1, 4
        Assert.DoesNotContain(cases, l => l.Contains(" size=512 ", StringComparison.Ordinal));
        BootAssert.HasLineStartingWith("bench: C# kernel, ", boot, endingWith: ", writes verified");
        BootAssert.HasLine("bench: done", boot);
        DiskImages.Discard(disk);
    }

    [Theory]
    [InlineData("rv32")]
    [InlineData("rv64")]
    public void EscapeNeverEatsEnterAndAnOverlongLineIsRefused(string arch)
    {
        string disk = DiskImages.CopyOfLorem(nameof(EscapeNeverEatsEnterAndAnOverlongLineIsRefused), arch);
        byte[] lorem = File.ReadAllBytes(disk);
        string tooLong = "blk write blk0 0 " + new string('x', 300);
        string input = "blk write blk0 1 abc\u001b\rpoweroff-not-yet\r" + tooLong + "\rblk write blk0 1 abc\u001b[\npoweroff\n";
        var boot = KernelBoot.BootWithInput(arch, input, "--disk", disk, "--kernel-shell");
        BootAssert.ExitedWith(0, boot);
        var exchanges = ShellSession.Parse(boot);
        Assert.True(exchanges.Count == 5, boot.Describe());
        ShellSession.AssertReply(["blk0: wrote sector 1: 3 bytes of text, then NUL bytes"], exchanges[0].Reply, "esc, enter", boot);
        ShellSession.AssertReply(["unknown command: poweroff-not-yet (try help)"], exchanges[1].Reply, "the next line", boot);
        ShellSession.AssertReply(["shell: error: line longer than 256 characters; nothing was run"], exchanges[2].Reply, "300 characters", boot);
        ShellSession.AssertReply(["blk0: wrote sector 1: 3 bytes of text, then NUL bytes"], exchanges[3].Reply, "esc [, enter", boot);
        byte[] expected = (byte[])lorem.Clone();
        Array.Clear(expected, 512, 512);
        "abc"u8.CopyTo(expected.AsSpan(512));
        DiskImages.AssertContents(expected, disk, boot);   // sector 0 untouched: the cut line never ran
        DiskImages.Discard(disk);
    }
}

/// <summary>The launcher running the shell with a pipe on its standard input, for tests that act between commands.</summary>
internal sealed class InteractiveShell : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<string> _arguments;
    private Task? _reader;

    private InteractiveShell(Process process, List<string> arguments)
    {
        _process = process;
        _arguments = arguments;
    }

    /// <summary>Starts the launcher and waits until its output shows <paramref name="waitFor"/> (the shell's greeting).</summary>
    public static InteractiveShell Start(string arch, string[] options, string waitFor = ShellSession.Greeting)
    {
        var arguments = new List<string> { KernelBoot.LauncherDll, "boot", KernelBoot.KernelElf(arch), "--arch", arch, "--timeout", "120" };
        arguments.AddRange(options);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        var shell = new InteractiveShell(process, arguments);
        process.ErrorDataReceived += (_, e) => { lock (shell._output) { shell._output.Append("[stderr] ").Append(e.Data).Append('\n'); } };
        process.BeginErrorReadLine();
        shell._reader = Task.Run(() =>
        {
            var buffer = new char[256];
            int n;
            while ((n = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (shell._output)
                {
                    shell._output.Append(buffer, 0, n);
                }
            }
        });
        shell.WaitFor(waitFor, 0);
        return shell;
    }

    /// <summary>Sends <paramref name="command"/> and waits until the output after it contains <paramref name="expect"/>.</summary>
    public void Command(string command, string expect)
    {
        int from = Snapshot().Length;
        _process.StandardInput.Write(command + "\n");
        _process.StandardInput.Flush();
        WaitFor(expect, from);
    }

    private void WaitFor(string text, int from)
    {
        var clock = Stopwatch.StartNew();
        while (Snapshot().IndexOf(text, from, StringComparison.Ordinal) < 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60) && !_process.HasExited,
                $"no '{text}' from the shell\nlauncher {string.Join(' ', _arguments)}\n{Snapshot()}");
            Thread.Sleep(20);
        }
    }

    /// <summary>What the launcher has printed so far.</summary>
    public string Output => Snapshot();

    private string Snapshot()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public int ExitCode => _process.ExitCode;

    public string Finish()
    {
        _process.StandardInput.Close();
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(120)), Snapshot());
        _reader?.Wait(TimeSpan.FromSeconds(30));   // the output read to its end
        return Snapshot().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}

/// <summary>A minimal QMP client over a Unix socket: the greeting, qmp_capabilities, then one command at a time.</summary>
internal sealed class Qmp : IDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private Qmp(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket);
        _reader = new StreamReader(stream);
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public static Qmp Connect(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(path));
        var qmp = new Qmp(socket);
        Assert.Contains("\"QMP\"", qmp._reader.ReadLine());
        qmp.Execute("""{"execute":"qmp_capabilities"}""");
        return qmp;
    }

    /// <summary>Sends a command; asserts that its answer is a "return" (events before it are skipped).</summary>
    public void Execute(string command)
    {
        _writer.WriteLine(command);
        while (true)
        {
            string line = _reader.ReadLine() ?? throw new InvalidOperationException("QMP closed");
            if (line.Contains("\"event\"", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(line.Contains("\"return\"", StringComparison.Ordinal), $"QMP {command} answered {line}");
            return;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _socket.Dispose();
    }
}
