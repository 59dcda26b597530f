using System.Diagnostics;
using CliWrap;
using System.Text;
using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>A fresh sparse 64 MiB disk image, through the launcher (<see cref="SparseDisk.CreateImage"/>): created
/// empty, sized without allocating a block, then <c>sync</c>.</summary>
public static class FreshImage
{
    public static string Create(string directory, string name) => SparseDisk.CreateImage(Path.Combine(directory, name), SparseDisk.BenchSize);
}

/// <summary>What one boot printed.</summary>
public sealed record GuestOutput(int ExitCode, bool TimedOut, bool SawDone, string? Error, IReadOnlyList<BenchLine> Lines, string Log, TimeSpan Elapsed);

/// <summary>Boots an executable under QEMU with the launcher's command line and collects its output.</summary>
public static class GuestRun
{
    public static GuestOutput Boot(string executable, TargetArch arch, VirtioTransport transport, string append, string disk,
                                   TimeSpan timeout, bool icount, string logPath, bool packedRing = false)
    {
        var options = new BootOptions
        {
            Executable = executable,
            Arch = arch,
            Timeout = timeout,
            Append = append,
            Disks = [new DiskImage(disk, ReadOnly: false)],
            Transport = transport,
            PackedRing = packedRing,
        };
        // The firmware as ./run.sh chooses it: none for the M-mode yardstick, SBI firmware under the S-mode kernel.
        options = Firmwares.Prepare(RepoLayout.Find(), options);
        var arguments = Machine.QemuArguments(options, interactive: false);
        if (icount)
        {
            // -icount shift=0: one instruction is one nanosecond of virtual time, so the time CSR counts instructions
            // (100 per tick at 10 MHz).
            arguments.InsertRange(arguments.IndexOf("-kernel"), ["-icount", "shift=0"]);
        }
        var qemu = Prerequisites.QemuFor(arch);
        var log = new StringBuilder();
        log.AppendLine($"$ {qemu} {string.Join(' ', arguments)}");
        var lines = new List<BenchLine>();
        bool sawDone = false;
        string? error = null;
        var stderr = new StringBuilder();
        void OnLine(string line)
        {
            log.AppendLine(line);
            var trimmed = line.TrimEnd('\r');
            if (trimmed == BenchLine.Done)
                sawDone = true;
            else if (trimmed.StartsWith(BenchLine.ErrorPrefix, StringComparison.Ordinal))
                error ??= trimmed;
            else
            {
                try
                {
                    if (BenchLine.TryParse(trimmed) is { } result)
                        lines.Add(result);
                }
                catch (FormatException e)
                {
                    error ??= e.Message;
                }
            }
        }

        var clock = Stopwatch.StartNew();
        using var limit = new CancellationTokenSource(timeout);
        bool exited = true;
        int exitCode = 0;
        try
        {
            // Standard input: a pipe that stays open (QEMU's stdio backend fails on a closed descriptor) and sends nothing.
            var result = Cli.Wrap(qemu).WithArguments(arguments).WithValidation(CommandResultValidation.None)
                .WithStandardInputPipe(PipeSource.FromStream(new NeverEndingInput()))
                .WithStandardOutputPipe(PipeTarget.ToDelegate(OnLine))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
                .ExecuteAsync(limit.Token).GetAwaiter().GetResult();
            exitCode = result.ExitCode;
        }
        catch (OperationCanceledException)
        {
            exited = false; // CliWrap has killed QEMU
        }
        clock.Stop();
        if (stderr.Length > 0)
            log.AppendLine("--- stderr ---").Append(stderr);
        int code = exited ? exitCode : ProcessRunner.TimeoutExitCode;
        log.AppendLine($"--- exit status {code}{(exited ? "" : " (timed out)")}, {clock.Elapsed.TotalSeconds:0.0} s ---");
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        File.WriteAllText(logPath, log.ToString());
        return new GuestOutput(code, !exited, sawDone, error, lines, log.ToString(), clock.Elapsed);
    }
}

/// <summary>Standard input that never ends and never sends a byte: a read waits until the boot is over.</summary>
internal sealed class NeverEndingInput : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");
    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
