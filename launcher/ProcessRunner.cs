using CliWrap;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Rvc.Launcher;

/// <summary>Runs child processes: tools whose chatter goes to stderr, and programs whose console is streamed live.</summary>
public static class ProcessRunner
{
    /// <summary>Exit status when a program ran out of time, as timeout(1) does.</summary>
    public const int TimeoutExitCode = 124;

    /// <summary>Exit status after Ctrl-C, as a shell reports it.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>Runs a tool to completion (with CliWrap); its standard output is copied to our standard error, so that our
    /// standard output carries only the program's console.</summary>
    public static int RunToStderr(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var stderr = Console.OpenStandardError();
        try
        {
            return Cli.Wrap(file).WithArguments(arguments)
                .WithEnvironmentVariables(environment?.ToDictionary(e => e.Key, e => (string?)e.Value) ?? [])
                .WithStandardOutputPipe(PipeTarget.ToStream(stderr, autoFlush: true))
                .WithStandardErrorPipe(PipeTarget.ToStream(stderr, autoFlush: true))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync().GetAwaiter().GetResult().ExitCode;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e.InnerException is System.ComponentModel.Win32Exception)
        {
            throw new LauncherException($"cannot start {file}: {e.Message}");
        }
    }

    /// <summary>
    /// Runs a program with its console streamed live to ours and returns its exit status; after
    /// <paramref name="timeout"/> (null: none) it is stopped, a message says so and the status is 124.
    /// Standard input: a terminal is handed over as it is (QEMU puts it in raw mode: Ctrl-A X quits), which is why
    /// this one is written with Process rather than CliWrap (which always redirects standard input);
    /// anything else (a pipe, a file, /dev/null, or none at all) is copied through a pipe that stays
    /// valid, since QEMU's stdio backend fails on a closed descriptor. With <paramref name="holdInputUntilOutput"/>,
    /// piped input is held back until the program has printed something (SBI firmware resets the UART's FIFOs when
    /// it starts, dropping whatever arrived before). With <paramref name="keepInputOpen"/> (QEMU), the child's input
    /// stays open after ours ends, until the child exits: QEMU's stdio backend, once it has read end of file, drops
    /// console output whenever our side of its output pipe is slow to read (a few KiB lost in a run on a loaded
    /// machine). A host program gets end of file as usual. <paramref name="tail"/>, if given, keeps the end of the output.
    /// </summary>
    public static int RunStreaming(string file, IEnumerable<string> arguments, TimeSpan? timeout, string what,
        OutputTail? tail = null, bool holdInputUntilOutput = false, bool keepInputOpen = false)
    {
        bool interactive = !Console.IsInputRedirected;
        var start = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardInput = !interactive,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = StartOrThrow(start);
        bool interrupted = false;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Ctrl-C reaches the child too (same process group); make sure it stops even if the
            // signal was sent to the launcher alone, and report 130 once it has.
            e.Cancel = true;
            interrupted = true;
            Terminate(process);
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            byte last = (byte)'\n';
            // Its continuation (the input pump below, which blocks reading our standard input) must not run inline on
            // the thread that copies the output: that thread would stop copying until our input ended.
            var firstOutput = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = Task.Run(() => Copy(process.StandardOutput.BaseStream, Console.OpenStandardOutput(), b => last = b, (buffer, n) =>
            {
                tail?.Append(buffer, n);
                firstOutput.TrySetResult();
            }));
            if (!interactive)
                _ = Task.Run(async () =>
                {
                    if (holdInputUntilOutput)
                        await Task.WhenAny(firstOutput.Task, output);
                    FeedInput(process.StandardInput.BaseStream, keepInputOpen ? process : null);
                });

            bool exited = timeout is null
                ? WaitForever(process)
                : process.WaitForExit(timeout.Value > TimeSpan.FromMilliseconds(int.MaxValue) ? Timeout.InfiniteTimeSpan : timeout.Value);
            if (!exited)
            {
                Terminate(process);
                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                    process.WaitForExit();
                }
                output.Wait(TimeSpan.FromSeconds(5));
                Console.Out.Flush();
                Console.Error.WriteLine($"{(last == (byte)'\n' ? "" : "\n")}error: timed out after {timeout!.Value.TotalSeconds:0.###} s: stopped {what} (--timeout SECONDS sets the limit, 0 for none)");
                return TimeoutExitCode;
            }
            process.WaitForExit();
            output.Wait(TimeSpan.FromSeconds(5));
            return interrupted ? InterruptedExitCode : process.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static bool WaitForever(Process process)
    {
        process.WaitForExit();
        return true;
    }

    private static Process StartOrThrow(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new LauncherException($"cannot start {start.FileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LauncherException($"cannot start {start.FileName}: {e.Message}");
        }
    }

    /// <summary>Copies a child's output as it comes, chunk by chunk; keeps draining if our side is closed.</summary>
    private static void Copy(Stream from, Stream to, Action<byte> lastByte, Action<byte[], int>? chunk = null)
    {
        var buffer = new byte[16 * 1024];
        bool sink = true;
        int n;
        while ((n = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            lastByte(buffer[n - 1]);
            chunk?.Invoke(buffer, n);
            if (!sink)
                continue;
            try
            {
                to.Write(buffer, 0, n);
                to.Flush();
            }
            catch (IOException)
            {
                sink = false; // e.g. `./run.sh | head -1`: keep reading so the child never blocks
            }
        }
    }

    /// <summary>Copies our standard input to the child's, then closes it (the child sees end of file), or, given
    /// <paramref name="openUntilExit"/>, closes it only once that process has exited.</summary>
    private static void FeedInput(Stream to, Process? openUntilExit)
    {
        try
        {
            using var from = Console.OpenStandardInput();
            var buffer = new byte[4096];
            int n;
            while ((n = from.Read(buffer, 0, buffer.Length)) > 0)
            {
                to.Write(buffer, 0, n);
                to.Flush();
            }
            openUntilExit?.WaitForExit();
        }
        catch (Exception)
        {
            // No standard input at all, or the child has exited.
        }
        finally
        {
            try { to.Dispose(); } catch (IOException) { }
        }
    }

    /// <summary>Asks the child to stop (SIGTERM: QEMU then restores the terminal), or kills it where there are no signals.</summary>
    private static void Terminate(Process process)
    {
        try
        {
            if (process.HasExited)
                return;
            if (!OperatingSystem.IsWindows() && kill(process.Id, SigTerm) == 0)
                return;
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

/// <summary>The last <see cref="Capacity"/> bytes a program printed, as Latin-1 text with <c>\n</c> line ends.</summary>
public sealed class OutputTail
{
    public const int Capacity = 8192;
    private readonly Queue<byte> _bytes = new();

    public void Append(byte[] buffer, int count)
    {
        lock (_bytes)
        {
            for (int i = 0; i < count; i++)
            {
                _bytes.Enqueue(buffer[i]);
                if (_bytes.Count > Capacity)
                    _bytes.Dequeue();
            }
        }
    }

    public string Text
    {
        get
        {
            lock (_bytes)
                return System.Text.Encoding.Latin1.GetString(_bytes.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
    }
}
