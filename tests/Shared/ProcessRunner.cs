using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rvc.Tests.Shared;

/// <summary>What a child process did: its raw stdout, its stderr as text, and how it ended.</summary>
internal sealed record ProcessResult(byte[] Stdout, string Stderr, int ExitCode, bool TimedOut, TimeSpan Elapsed);

/// <summary>Runs child processes with a time limit; kills every child still running when the test host exits.</summary>
internal static class ProcessRunner
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static ProcessRunner()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                TryKill(process);
            }
        };
    }

    /// <summary>Runs <paramref name="fileName"/> to completion or <paramref name="timeout"/>. Its standard input is
    /// <paramref name="standardInput"/> (bytes, written then closed) or empty.</summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null,
        byte[]? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        Running[process.Id] = process;
        try
        {
            // Written from another task: a child that does not read its input must not block us.
            Task feed = Task.Run(() =>
            {
                try
                {
                    if (standardInput is not null)
                    {
                        process.StandardInput.BaseStream.Write(standardInput);
                    }

                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The child is gone, or closed its input.
                }
            });
            var stdout = new MemoryStream();
            var stderr = new MemoryStream();
            Task copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            Task copyErr = process.StandardError.BaseStream.CopyToAsync(stderr);
            bool exited = process.WaitForExit(timeout);
            if (!exited)
            {
                TryKill(process);
                process.WaitForExit();
            }

            // The pipes close when the process (and any child holding them) is gone.
            Task.WaitAll([copyOut, copyErr, feed], TimeSpan.FromSeconds(10));
            return new ProcessResult(
                stdout.ToArray(),
                System.Text.Encoding.UTF8.GetString(stderr.ToArray()),
                exited ? process.ExitCode : -1,
                !exited,
                stopwatch.Elapsed);
        }
        finally
        {
            Running.TryRemove(process.Id, out _);
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Already gone or not ours to kill.
        }
    }
}
