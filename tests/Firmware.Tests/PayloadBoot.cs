using System.Globalization;
using System.Text;

namespace Rvc.Firmware.Tests;

/// <summary>What one boot printed (line endings made <c>\n</c>) and how it ended.</summary>
internal sealed record BootResult(IReadOnlyList<string> Arguments, string Stdout, string Stderr, int ExitCode, bool TimedOut)
{
    public string[] Lines => Stdout.Split('\n');

    /// <summary>The payload's own lines: from its first line on (the firmware's banner and OpenSBI's come before).</summary>
    public List<string> PayloadLines => Lines.SkipWhile(l => !l.StartsWith("payload: S-mode", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();

    public string Describe() =>
        $"""
        launcher {string.Join(' ', Arguments)}
        exit status {ExitCode}{(TimedOut ? " (the test's guard killed it)" : "")}
        --- stdout ---
        {Stdout}
        --- stderr ---
        {Stderr}
        """;
}

/// <summary>
/// Builds the SBI test payload (firmware/payload/Payload.csproj, with MSBuild) and the own firmware (the launcher's
/// <c>build-firmware</c>) once per arch and test run, copies both out of the build tree (a rebuild during the run cannot
/// change them), and boots the payload with the launcher's <c>boot</c> verb.
/// </summary>
internal static class PayloadBoot
{
    public const int BootTimeoutSeconds = 60;

    private static readonly TimeSpan BuildGuard = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LauncherGuard = TimeSpan.FromSeconds(BootTimeoutSeconds + 30);
    private static readonly object BuildLock = new();
    private static readonly Dictionary<string, string> Built = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, BootResult> Cache = new(StringComparer.Ordinal);

    public static string Root { get; } = FindRoot();

    public static string LauncherDll => Path.Combine(AppContext.BaseDirectory, "launcher.dll");

    public static string PayloadElf(string arch) => BuildOnce("payload." + arch, () => BuildPayload(arch));

    public static string FirmwareElf(string arch) => BuildOnce("firmware." + arch, () => BuildFirmware(arch));

    /// <summary>Boots the payload for <paramref name="arch"/> under <paramref name="firmware"/> (<c>own</c> or
    /// <c>opensbi</c>) with <paramref name="input"/> on the console. The same boot twice in a run is made once.</summary>
    public static BootResult Boot(string arch, string firmware, string input)
    {
        string key = $"{arch}|{firmware}|{input}";
        lock (Cache)
        {
            if (Cache.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        string firmwareValue = firmware == "own" ? FirmwareElf(arch) : firmware;
        string[] arguments = ["boot", PayloadElf(arch), "--arch", arch, "--firmware", firmwareValue,
            "--timeout", BootTimeoutSeconds.ToString(CultureInfo.InvariantCulture)];
        var run = RunLauncher(arguments, LauncherGuard, input);
        var result = new BootResult(arguments, Encoding.Latin1.GetString(run.Stdout).Replace("\r\n", "\n", StringComparison.Ordinal),
            run.Stderr, run.ExitCode, run.TimedOut);
        lock (Cache)
        {
            Cache[key] = result;
        }

        return result;
    }

    public static ProcessResult RunLauncher(IEnumerable<string> arguments, TimeSpan guard, string? input = null)
        => ProcessRunner.Run(DotnetHost(), [LauncherDll, .. arguments], guard, Environment(), input is null ? null : Encoding.ASCII.GetBytes(input));

    private static string BuildOnce(string key, Func<string> build)
    {
        lock (BuildLock)
        {
            if (!Built.TryGetValue(key, out string? path))
            {
                path = build();
                Built[key] = path;
            }

            return path;
        }
    }

    private static string BuildPayload(string arch)
    {
        string project = Path.Combine(Root, "firmware", "payload", "Payload.csproj");
        var run = ProcessRunner.Run(DotnetHost(), ["msbuild", "-restore", project, "-p:Configuration=Release", $"-p:Arch={arch}", "-v:q", "-nologo", "-tl:off"],
            BuildGuard, Environment());
        string built = Path.Combine(Root, "artifacts", "bin", "Payload", $"release_{arch}", "Payload.elf");
        if (run.ExitCode != 0 || !File.Exists(built))
        {
            throw new InvalidOperationException($"building {project} for {arch} failed (exit {run.ExitCode}):\n{Encoding.UTF8.GetString(run.Stdout)}\n{run.Stderr}");
        }

        return CopyOut(built, "payload", arch);
    }

    private static string BuildFirmware(string arch)
    {
        var run = RunLauncher(["build-firmware", "--arch", arch], BuildGuard);
        string built = Encoding.UTF8.GetString(run.Stdout).Trim().Split('\n')[^1].Trim();
        if (run.ExitCode != 0 || !File.Exists(built))
        {
            throw new InvalidOperationException($"launcher build-firmware --arch {arch} failed (exit {run.ExitCode}):\n{Encoding.UTF8.GetString(run.Stdout)}\n{run.Stderr}");
        }

        return CopyOut(built, "firmware", arch);
    }

    private static string CopyOut(string built, string kind, string arch)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "test-work", kind, $"{arch}.{Guid.NewGuid():N}"[..(arch.Length + 13)]);
        Directory.CreateDirectory(dir);
        string copy = Path.Combine(dir, Path.GetFileName(built));
        File.Copy(built, copy);
        return copy;
    }

    private static Dictionary<string, string> Environment() => new()
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    private static string DotnetHost()
    {
        string? host = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? self = System.Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "firmware", "Firmware.csproj"))
                && File.Exists(Path.Combine(dir.FullName, "launcher", "Launcher.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} contains firmware/Firmware.csproj");
    }
}
