using System.Diagnostics;
using System.Globalization;

namespace Kernel.Fuzz.Runner;

/// <summary>
/// One AFL++ campaign over a target (fuzz/README.md): makes sure afl-fuzz (Debian's afl++) and the SharpFuzz
/// instrumenter are there, copies this runner's build to <c>artifacts/fuzz/TARGET/bin</c> and instruments its
/// Fuzz.Targets.dll there (the kernel's namespaces only: the fake device and the harness are not what is measured),
/// starts afl-fuzz on <c>fuzz/seeds/TARGET</c> for the given time, and reports afl-fuzz's own counts: executions,
/// paths, crashes and hangs. Crashing inputs are listed: replay them with <c>replay</c>, shrink them with
/// <c>minimize</c>, and keep each in <c>fuzz/findings/TARGET</c> with a test.
/// </summary>
internal static class Campaign
{
    private static readonly string[] InstrumentedNamespaces = ["Kernel.Drivers.Virtio", "Kernel.DeviceTree", "Kernel.FileSystem"];

    public static int Run(string target, TimeSpan duration)
    {
        string fuzzRoot = FuzzFiles.Root();
        string work = Path.Combine(Path.GetDirectoryName(fuzzRoot)!, "artifacts", "fuzz", target);
        string afl = EnsureAflFuzz();
        string sharpfuzz = EnsureSharpFuzz(Path.Combine(Path.GetDirectoryName(fuzzRoot)!, "artifacts", "tools"));

        // A copy of this build, instrumented: the runner's own folder stays as built (the tests use the same targets).
        string bin = Path.Combine(work, "bin");
        if (Directory.Exists(bin))
        {
            Directory.Delete(bin, recursive: true);
        }

        CopyDirectory(AppContext.BaseDirectory, bin);
        Exec(sharpfuzz, [Path.Combine(bin, "Fuzz.Targets.dll"), .. InstrumentedNamespaces]);

        string input = Path.Combine(work, "in");
        if (Directory.Exists(input))
        {
            Directory.Delete(input, recursive: true);
        }

        Directory.CreateDirectory(input);
        var seeds = FuzzFiles.Load(FuzzFiles.Seeds(target));
        foreach (var (name, bytes) in seeds)
        {
            File.WriteAllBytes(Path.Combine(input, name), bytes);
        }

        foreach (var (name, bytes) in FuzzFiles.Load(FuzzFiles.Findings(target)))
        {
            File.WriteAllBytes(Path.Combine(input, "finding-" + name), bytes);
        }

        // A campaign goes on from the corpus the last one built (a long campaign runs as several shorter ones, so
        // that the other heavy jobs of a shared machine get their turn in between).
        string output = Path.Combine(work, "out");
        string queue = Path.Combine(output, "default", "queue");
        if (Directory.Exists(queue))
        {
            foreach (string file in Directory.GetFiles(queue))
            {
                File.Copy(file, Path.Combine(input, "queue-" + Path.GetFileName(file).Replace(':', '_').Replace(',', '_')));
            }
        }

        if (Directory.GetFiles(input).Length == 0)
        {
            // No seeds of its own (the driver target reads any bytes as a program): a few random programs.
            var random = new Random(1);
            for (int i = 0; i < 8; i++)
            {
                File.WriteAllBytes(Path.Combine(input, $"random{i}"), RandomCampaign.Next(random, [], FuzzFiles.MaxLength(target)));
            }
        }

        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        string log = Path.Combine(work, "afl-fuzz.log");
        var start = new ProcessStartInfo(afl) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[]
        {
            "-i", input, "-o", output, "-V", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "-t", "10000", "-m", "none", "--", Environment.ProcessPath ?? "dotnet", Path.Combine(bin, "fuzz-runner.dll"), "afl", target,
        })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["AFL_SKIP_BIN_CHECK"] = "1";           // dotnet itself is not instrumented; SharpFuzz reports
        start.Environment["AFL_SKIP_CPUFREQ"] = "1";
        start.Environment["AFL_NO_AFFINITY"] = "1";              // a shared machine: no core of its own
        start.Environment["AFL_NO_UI"] = "1";                    // status lines, not a screen
        start.Environment["AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES"] = "1";
        Console.Error.WriteLine($"fuzz: afl-fuzz on {target} for {duration.TotalMinutes:0.#} min: {input} -> {output} (its messages: {log})");
        using (var writer = new StreamWriter(log))
        using (var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start afl-fuzz"))
        {
            process.OutputDataReceived += (_, e) => { lock (writer) { writer.WriteLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (writer) { writer.WriteLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
        }

        return Report(target, output, duration);
    }

    /// <summary>afl-fuzz's fuzzer_stats and the crashing and hanging inputs it kept.</summary>
    private static int Report(string target, string output, TimeSpan duration)
    {
        string stats = Path.Combine(output, "default", "fuzzer_stats");
        if (!File.Exists(stats))
        {
            Console.Error.WriteLine($"fuzz: afl-fuzz left no {stats}: it did not start (its messages: {Path.Combine(Path.GetDirectoryName(output)!, "afl-fuzz.log")})");
            return 1;
        }

        var values = File.ReadAllLines(stats)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        string Get(string key) => values.TryGetValue(key, out string? v) ? v : "?";
        var crashes = Inputs(Path.Combine(output, "default", "crashes"));
        var hangs = Inputs(Path.Combine(output, "default", "hangs"));
        Console.WriteLine($"fuzz {target}: {Get("execs_done")} executions in {Get("run_time")} s ({Get("execs_per_sec")}/s), " +
            $"{Get("corpus_count")} paths, edge coverage {Get("bitmap_cvg")}, {crashes.Count} crashes, {hangs.Count} hangs (afl-fuzz {Get("afl_version")})");
        foreach (string file in crashes.Concat(hangs))
        {
            Console.WriteLine($"  {file}");
        }

        // The record kept in the repository (fuzz/README.md sums it).
        string log = Path.Combine(FuzzFiles.Root(), "findings", "campaigns.tsv");
        if (!File.Exists(log))
        {
            File.WriteAllText(log, "date\ttarget\tminutes\texecutions\tseconds\texecs_per_sec\tcorpus\tedge_coverage\tcrashes\thangs\tafl\n");
        }

        File.AppendAllText(log, string.Join('\t',
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), target,
            duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture), Get("execs_done"), Get("run_time"),
            Get("execs_per_sec"), Get("corpus_count"), Get("bitmap_cvg"), crashes.Count, hangs.Count, Get("afl_version")) + "\n");

        return crashes.Count + hangs.Count == 0 ? 0 : 1;
    }

    private static List<string> Inputs(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal)] : [];

    /// <summary>afl-fuzz on PATH, installed from Debian's afl++ package when missing and we are root with apt-get.</summary>
    private static string EnsureAflFuzz()
    {
        if (OnPath("afl-fuzz") is string found)
        {
            return found;
        }

        if (Environment.UserName == "root" && OnPath("apt-get") is not null)
        {
            Console.Error.WriteLine("fuzz: afl-fuzz missing: installing Debian's afl++ with apt-get");
            Exec("apt-get", ["update"]);
            Exec("apt-get", ["install", "-y", "--no-install-recommends", "afl++"]);
            if (OnPath("afl-fuzz") is string installed)
            {
                return installed;
            }
        }

        throw new InvalidOperationException("afl-fuzz missing: install AFL++ ('apt-get install afl++' on Debian 12)");
    }

    /// <summary>The sharpfuzz instrumenter (the SharpFuzz.CommandLine .NET tool, the same version as the SharpFuzz
    /// package), installed under <paramref name="toolPath"/> when missing.</summary>
    private static string EnsureSharpFuzz(string toolPath)
    {
        string tool = Path.Combine(toolPath, "sharpfuzz");
        if (!File.Exists(tool))
        {
            Exec("dotnet", ["tool", "install", "SharpFuzz.CommandLine", "--version", "2.3.0", "--tool-path", toolPath]);
        }

        return tool;
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    private static void Exec(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed with status {process.ExitCode}");
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
