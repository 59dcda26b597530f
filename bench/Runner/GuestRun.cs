using System.Diagnostics;
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
                                   TimeSpan timeout, bool icount, string logPath)
    {
        var options = new BootOptions
        {
            Executable = executable,
            Arch = arch,
            Timeout = timeout,
            Append = append,
            Disks = [new DiskImage(disk, ReadOnly: false)],
            Transport = transport,
        };
        var arguments = Machine.QemuArguments(options, interactive: false);
        if (icount)
        {
            // -icount shift=0: one instruction is one nanosecond of virtual time, so the time CSR counts instructions
            // (100 per tick at 10 MHz).
            arguments.InsertRange(arguments.IndexOf("-kernel"), ["-icount", "shift=0"]);
        }
        var qemu = Prerequisites.QemuFor(arch);
        var start = new ProcessStartInfo(qemu)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A pipe that stays open: QEMU's stdio backend fails on a closed descriptor.
            RedirectStandardInput = true,
        };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);

        var log = new StringBuilder();
        log.AppendLine($"$ {qemu} {string.Join(' ', arguments)}");
        var lines = new List<BenchLine>();
        bool sawDone = false;
        string? error = null;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new LauncherException($"cannot start {qemu}");
        var stderr = process.StandardError.ReadToEndAsync();
        var reader = Task.Run(() =>
        {
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                lock (log)
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
        });
        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
        }
        reader.Wait(TimeSpan.FromSeconds(10));
        clock.Stop();
        var errText = stderr.Wait(TimeSpan.FromSeconds(5)) ? stderr.Result : "";
        if (errText.Length > 0)
            log.AppendLine("--- stderr ---").Append(errText);
        int code = exited ? process.ExitCode : ProcessRunner.TimeoutExitCode;
        log.AppendLine($"--- exit status {code}{(exited ? "" : " (timed out)")}, {clock.Elapsed.TotalSeconds:0.0} s ---");
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        File.WriteAllText(logPath, log.ToString());
        return new GuestOutput(code, !exited, sawDone, error, lines, log.ToString(), clock.Elapsed);
    }
}
