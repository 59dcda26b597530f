using System.Text;

namespace Rvc.Kernel.Tests;

/// <summary>What one boot of the kernel did: the UART's output (line endings made <c>\n</c>), the launcher's and
/// QEMU's standard error, and the exit status (the kernel's, passed through by QEMU and the launcher).</summary>
internal sealed record BootResult(string Arch, IReadOnlyList<string> Arguments, string Stdout, string Stderr, int ExitCode, bool TimedOut,
    TimeSpan Elapsed = default)
{
    public IEnumerable<string> Lines => Stdout.Split('\n');

    /// <summary>Everything needed to tell what went wrong, for assertion messages.</summary>
    public string Describe() =>
        $"""
        launcher {string.Join(' ', Arguments)}
        exit status {ExitCode}{(TimedOut ? " (the test's guard killed it)" : "")} after {Elapsed.TotalSeconds:0.0} s
        --- stdout ---
        {Stdout}
        --- stderr ---
        {Stderr}
        """;
}

/// <summary>Runs the launcher (<c>dotnet launcher.dll</c>, copied beside the tests by the project reference):
/// builds the kernel once per arch and per test run, and boots it.</summary>
internal static class KernelBoot
{
    public static readonly string[] Arches = ["rv32", "rv64"];

    /// <summary>The launcher's own limit for one boot: only a guard against a hang (a boot takes about a second; the
    /// 200-file test writes about 100 MiB and took over 60 s on a loaded 2-core machine, so the guard is generous).</summary>
    public const int BootTimeoutSeconds = 180;

    /// <summary>The tests' guard around the launcher, should the launcher itself hang.</summary>
    private static readonly TimeSpan LauncherGuard = TimeSpan.FromSeconds(BootTimeoutSeconds + 30);

    private static readonly TimeSpan BuildGuard = TimeSpan.FromMinutes(15);

    private static readonly object BuildLock = new();
    private static readonly Dictionary<string, (string? Elf, string? Error)> Builds = new(StringComparer.Ordinal);

    public static string LauncherDll => Path.Combine(AppContext.BaseDirectory, "launcher.dll");

    /// <summary>Runs the launcher with <paramref name="arguments"/>; standard input is <paramref name="input"/> (which
    /// the launcher passes on to QEMU's UART), or empty.</summary>
    public static ProcessResult RunLauncher(IEnumerable<string> arguments, TimeSpan guard, string? input = null)
        => ProcessRunner.Run(DotnetHost(), [LauncherDll, .. arguments], guard, new Dictionary<string, string>
        {
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        }, input is null ? null : Encoding.ASCII.GetBytes(input));

    /// <summary>
    /// The kernel ELF for <paramref name="arch"/>, built once per test run (<c>launcher build-kernel</c>: MSBuild on
    /// kernel/Kernel.csproj, Release) and copied to a folder of this run, so that a rebuild by someone else during the
    /// run cannot change it under the tests. The builds of the two arches take turns (they share obj/'s restore files).
    /// </summary>
    public static string KernelElf(string arch) => BuildOnce(arch, "build-kernel", "Kernel.elf");

    /// <summary>The project's own SBI firmware (rvcsbi) for <paramref name="arch"/>, built once per test run
    /// (<c>launcher build-firmware</c>) and passed to every boot that uses it as <c>--firmware FILE.elf</c>, so that
    /// no boot builds it again.</summary>
    public static string OwnFirmwareElf(string arch) => BuildOnce("firmware-" + arch, "build-firmware", "Firmware.elf");

    /// <summary>The firmware a boot gets unless its options say (<c>--firmware</c>): the launcher's default, QEMU's
    /// OpenSBI on rv64; on rv32, where there is no OpenSBI, the own firmware, built once.</summary>
    private static string[] DefaultFirmware(string arch, string[] options)
        => options.Contains("--firmware") ? [] : arch == "rv32" ? ["--firmware", OwnFirmwareElf(arch)] : [];

    /// <summary>Replaces <c>--firmware own</c> in <paramref name="options"/> by the firmware built once.</summary>
    private static string[] ResolveOwnFirmware(string arch, string[] options)
    {
        var resolved = (string[])options.Clone();
        for (int i = 0; i + 1 < resolved.Length; i++)
        {
            if (resolved[i] == "--firmware" && resolved[i + 1] == "own")
            {
                resolved[i + 1] = OwnFirmwareElf(arch);
            }
        }

        return resolved;
    }

    private static string BuildOnce(string key, string verb, string fileName)
    {
        lock (BuildLock)
        {
            if (!Builds.TryGetValue(key, out var build))
            {
                string arch = key.StartsWith("firmware-", StringComparison.Ordinal) ? key["firmware-".Length..] : key;
                build = Build(arch, verb, fileName);
                Builds[key] = build;
            }

            return build.Elf ?? throw new InvalidOperationException(build.Error);
        }
    }

    /// <summary>Runs <paramref name="action"/> while no kernel build of the tests runs: for a test whose command builds
    /// kernel/Kernel.csproj itself (two MSBuilds on one project would share its obj/ folder).</summary>
    public static T WhileNoBuildRuns<T>(Func<T> action)
    {
        lock (BuildLock)
        {
            return action();
        }
    }

    private static (string? Elf, string? Error) Build(string arch, string verb, string fileName)
    {
        string[] arguments = [verb, "--arch", arch];
        var result = RunLauncher(arguments, BuildGuard);
        string stdout = Encoding.UTF8.GetString(result.Stdout).Trim();
        string built = stdout.Split('\n').LastOrDefault()?.Trim() ?? "";
        if (result.TimedOut || result.ExitCode != 0 || !File.Exists(built))
        {
            return (null, $"launcher {string.Join(' ', arguments)} failed (exit status {result.ExitCode}{(result.TimedOut ? ", timed out" : "")}):\n{stdout}\n{result.Stderr}");
        }

        RemoveOldCopies();
        string copy = Path.Combine(RepoPaths.UniqueDirectory("kernel", arch), fileName);
        File.Copy(built, copy);
        return (copy, null);
    }

    /// <summary>Kernel copies of earlier test runs (a day old: another test process may still be using a recent one).</summary>
    private static void RemoveOldCopies()
    {
        foreach (var dir in new DirectoryInfo(RepoPaths.Work("kernel")).EnumerateDirectories())
        {
            try
            {
                if (dir.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1))
                {
                    dir.Delete(recursive: true);
                }
            }
            catch (IOException)
            {
                // In use or gone: leave it.
            }
        }
    }

    /// <summary>Boots the kernel for <paramref name="arch"/> with the launcher's <c>boot</c> verb and the given
    /// options (<c>--disk</c>, <c>--no-disk</c>, <c>--append</c>...).</summary>
    public static BootResult Boot(string arch, params string[] options) => BootWithInput(arch, null, options);

    /// <summary>As <see cref="Boot"/>, with <paramref name="input"/> on the launcher's standard input: what the kernel
    /// reads from its UART (the shell's keystrokes).</summary>
    public static BootResult BootWithInput(string arch, string? input, params string[] options)
    {
        string[] arguments = ["boot", KernelElf(arch), "--arch", arch, "--timeout", BootTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. DefaultFirmware(arch, options), .. ResolveOwnFirmware(arch, options)];
        var result = RunLauncher(arguments, LauncherGuard, input);
        string stdout = Encoding.Latin1.GetString(result.Stdout).Replace("\r\n", "\n", StringComparison.Ordinal);
        return new BootResult(arch, arguments, stdout, result.Stderr, result.ExitCode, result.TimedOut, result.Elapsed);
    }

    /// <summary>The <c>dotnet</c> that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost()
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
}
