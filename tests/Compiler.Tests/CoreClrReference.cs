using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Rvc.Compiler.Tests;

/// <summary>How a corpus program behaved on CoreCLR.</summary>
/// <param name="ExceptionType">The full type name of the unhandled exception that ended the program, if any.</param>
/// <param name="ExceptionMessage">Its message (the rest of the first line CoreCLR prints), if any.</param>
internal sealed record ReferenceResult(
    IReadOnlyList<string> CompileErrors,
    byte[] Stdout,
    string Stderr,
    int ExitCode,
    bool TimedOut,
    string? ExceptionType,
    string? ExceptionMessage)
{
    public bool Compiled => CompileErrors.Count == 0;

    /// <summary>CoreCLR ended the program with "Stack overflow." (status 134, on stderr).</summary>
    public bool StackOverflow { get; init; }

    /// <summary>The line our runtime must print last when the program dies of an exception or a stack overflow.</summary>
    public string? PanicLine => StackOverflow ? StackOverflowLine
        : ExceptionType is null ? null
        : ExceptionMessage is null ? $"panic: {ExceptionType}" : $"panic: {ExceptionType}: {ExceptionMessage}";

    public const string StackOverflowLine = "Stack overflow.";
}

/// <summary>Compiles a corpus program with Roslyn against the running .NET's reference assemblies, runs it with
/// <c>dotnet</c>, and caches the outcome on disk by the program's content, so reruns are fast.</summary>
internal static class CoreClrReference
{
    /// <summary>Bump to invalidate every cached result when this class changes what it records.</summary>
    private const string CacheVersion = "1";

    private const string UnhandledPrefix = "Unhandled exception. ";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private static readonly ConcurrentDictionary<string, Lazy<Task<ReferenceResult>>> Results = new();

    public static Task<ReferenceResult> GetAsync(string sourceFile)
    {
        string key = CacheKey(sourceFile);
        return Results.GetOrAdd(key, k => new Lazy<Task<ReferenceResult>>(() => Task.Run(() => Compute(sourceFile, k)))).Value;
    }

    private static string CacheKey(string sourceFile)
    {
        using var sha = SHA256.Create();
        byte[] header = Encoding.UTF8.GetBytes($"{CacheVersion}|{Environment.Version}|{Path.GetFileName(sourceFile)}|");
        sha.TransformBlock(header, 0, header.Length, null, 0);
        byte[] content = File.ReadAllBytes(sourceFile);
        sha.TransformFinalBlock(content, 0, content.Length);
        return $"{Path.GetFileNameWithoutExtension(sourceFile)}-{Convert.ToHexStringLower(sha.Hash!)[..16]}";
    }

    private static ReferenceResult Compute(string sourceFile, string key)
    {
        string cacheRoot = RepoPaths.Work("coreclr-cache");
        string final = Path.Combine(cacheRoot, key);
        if (TryLoad(final) is { } cached)
        {
            return cached;
        }

        // Build and run in a private folder, then publish it under its final name (first writer wins).
        string scratch = Path.Combine(cacheRoot, $"{key}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        string name = Path.GetFileNameWithoutExtension(sourceFile);
        var compilation = RoslynCompiler.Create(name, sourceFile, RoslynCompiler.NetReferences);
        string dll = Path.Combine(scratch, name + ".dll");
        var (success, errors) = RoslynCompiler.Emit(compilation, dll);
        if (!success)
        {
            Directory.Delete(scratch, recursive: true);
            return new ReferenceResult(errors.Count > 0 ? errors : ["emit failed"], [], "", -1, false, null, null);
        }

        File.WriteAllText(Path.Combine(scratch, name + ".runtimeconfig.json"), RuntimeConfig());
        var run = ProcessRunner.Run(
            DotnetHost(),
            [dll],
            RunTimeout,
            new Dictionary<string, string>
            {
                ["DOTNET_DbgEnableMiniDump"] = "0",
                ["DOTNET_EnableCrashReport"] = "0",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            });
        File.WriteAllBytes(Path.Combine(scratch, "stdout.bin"), run.Stdout);
        File.WriteAllText(Path.Combine(scratch, "stderr.txt"), run.Stderr);
        var result = Parse(run.Stdout, run.Stderr, run.ExitCode, run.TimedOut);
        if (!run.TimedOut)
        {
            // Written last: its presence marks a complete cache entry.
            File.WriteAllText(Path.Combine(scratch, "exitcode.txt"), run.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                Directory.Move(scratch, final);
            }
            catch (IOException)
            {
                // Another test process published the same entry first.
                TryDelete(scratch);
            }
        }
        else
        {
            TryDelete(scratch);
        }

        return result;
    }

    private static ReferenceResult? TryLoad(string dir)
    {
        string exitFile = Path.Combine(dir, "exitcode.txt");
        if (!File.Exists(exitFile))
        {
            return null;
        }

        int exitCode = int.Parse(File.ReadAllText(exitFile), System.Globalization.CultureInfo.InvariantCulture);
        return Parse(File.ReadAllBytes(Path.Combine(dir, "stdout.bin")), File.ReadAllText(Path.Combine(dir, "stderr.txt")), exitCode, false);
    }

    private static ReferenceResult Parse(byte[] stdout, string stderr, int exitCode, bool timedOut)
    {
        string? type = null;
        string? message = null;
        foreach (string line in stderr.Split('\n'))
        {
            if (!line.StartsWith(UnhandledPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // "Unhandled exception. System.OverflowException: Arithmetic operation resulted in an overflow."
            string rest = line[UnhandledPrefix.Length..].TrimEnd('\r');
            int colon = rest.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                type = rest;
            }
            else
            {
                type = rest[..colon];
                message = rest[(colon + 2)..];
            }

            break;
        }

        bool stackOverflow = stderr.Split('\n')[0].TrimEnd('\r') == ReferenceResult.StackOverflowLine;
        return new ReferenceResult([], stdout, stderr, exitCode, timedOut, type, message) { StackOverflow = stackOverflow };
    }

    private static string RuntimeConfig()
    {
        var v = Environment.Version;
        return $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{v.Major}}.{{v.Minor}}",
                "framework": { "name": "Microsoft.NETCore.App", "version": "{{v.Major}}.{{v.Minor}}.0" }
              }
            }
            """;
    }

    /// <summary>The <c>dotnet</c> that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return "dotnet";
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
