using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Rvc.Tests.Shared;

/// <summary>What a child process did: its raw stdout, its stderr as text, and how it ended.</summary>
internal sealed record ProcessResult(byte[] Stdout, string Stderr, int ExitCode, bool TimedOut, TimeSpan Elapsed);

/// <summary>Runs child processes with CliWrap, with a time limit; every child still running when the test host exits
/// is killed (CliWrap kills the process tree when its cancellation token fires).</summary>
internal static class ProcessRunner
{
    /// <summary>Cancelled when the test host exits.</summary>
    private static readonly CancellationTokenSource HostExit = new();

    static ProcessRunner()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => HostExit.Cancel();
    }

    /// <summary>Runs <paramref name="fileName"/> to completion or <paramref name="timeout"/>. Its standard input is
    /// <paramref name="standardInput"/> (bytes, written then closed) or empty; it runs in <paramref name="workingDirectory"/>, or ours.
    /// With <paramref name="keepInputOpen"/> the input is not closed until the child exits: QEMU needs that, since its
    /// stdio backend, once it has read end of file, drops console output whenever we are slow to read it.</summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null,
        byte[]? standardInput = null, string? workingDirectory = null, bool keepInputOpen = false)
    {
        var input = keepInputOpen ? PipeSource.Create(async (to, cancel) =>
            {
                if (standardInput is not null)
                {
                    await to.WriteAsync(standardInput, cancel);
                    await to.FlushAsync(cancel);
                }
                await Task.Delay(Timeout.Infinite, cancel); // CliWrap cancels this once the child has exited
            })
            : standardInput is null ? PipeSource.Null : PipeSource.FromBytes(standardInput);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var command = Cli.Wrap(fileName)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory ?? Environment.CurrentDirectory)
            .WithEnvironmentVariables(environment?.ToDictionary(e => e.Key, e => (string?)e.Value) ?? [])
            .WithStandardInputPipe(input)
            .WithStandardOutputPipe(PipeTarget.ToStream(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStream(stderr))
            .WithValidation(CommandResultValidation.None);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(HostExit.Token);
        limit.CancelAfter(timeout);
        var stopwatch = Stopwatch.StartNew();
        int exitCode = -1;
        bool timedOut = false;
        try
        {
            exitCode = command.ExecuteAsync(limit.Token).GetAwaiter().GetResult().ExitCode;
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
        }

        return new ProcessResult(stdout.ToArray(), Encoding.UTF8.GetString(stderr.ToArray()), exitCode, timedOut, stopwatch.Elapsed);
    }
}
