using CliWrap;
using CliWrap.Buffered;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>The runner behind <c>./bench.sh</c>: see <see cref="CreateCommand"/> (<c>./bench.sh --help</c>) and bench/README.md.</summary>
public static class Program
{
    /// <summary>The runner's command line (<c>./bench.sh --help</c>).</summary>
    public static RootCommand CreateCommand()
    {
        var reps = PositiveInt("--reps", "R", "repetitions of every configuration (default 3; 1 with --quick); the median of them is reported");
        var ms = PositiveInt("--ms", "MS", "time budget of each guest case in milliseconds (default 1000; 20 with --quick)");
        var n = PositiveInt("--n", "N", "a fixed request count per guest case instead of the time budget");
        var arch = new Option<TargetArch?>("--arch")
        {
            HelpName = "rv32|rv64",
            Description = "one arch only (default both)",
            CustomParser = r => r.Tokens.Single().Value switch
            {
                "rv32" => TargetArch.RiscV32,
                "rv64" => TargetArch.RiscV64,
                var text => Fail<TargetArch?>(r, $"--arch expects rv32 or rv64, not '{text}'"),
            },
        };
        var config = new Option<string[]>("--config") { HelpName = "NAME", Description = "only this configuration (may be repeated; --list names them)" };
        var baseline = new Option<string[]>("--baseline")
        {
            HelpName = "REV",
            Description = "also the kernel of git revision REV (a commit, tag or branch, with ^ and ~N), built by its own ./run.sh build-kernel "
                + "into artifacts/bench/baseline/HASH/: configurations kernel@REV-ARCH-TRANSPORT-COMPLETION beside today's (may be repeated)",
        };
        baseline.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
            {
                if (Baseline.SpellingError(token.Value) is { } error)
                    r.AddError(error);
            }
        });
        var icount = new Option<bool>("--icount")
        {
            Description = "also boot every guest configuration once under -icount shift=0 (2000 requests per case unless --n) and report guest instructions per request",
        };
        var outDir = new Option<string>("--out") { HelpName = "DIR", Description = "where to write the results (default bench/results)" };
        var quick = new Option<bool>("--quick") { Description = "check the pipeline: 1 repetition, 20 ms per case, results in artifacts/bench/quick/" };
        var timeout = new Option<double?>("--timeout")
        {
            HelpName = "S",
            Description = "limit for one boot in seconds (default from the number of cases and --ms)",
            CustomParser = r => double.TryParse(r.Tokens.Single().Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && double.IsFinite(s)
                ? s : Fail<double?>(r, $"--timeout expects a positive number of seconds, not '{r.Tokens.Single().Value}'"),
        };
        var list = new Option<bool>("--list") { Description = "print the configurations and exit" };
        var from = new Option<string>("--from")
        {
            HelpName = "CSV",
            Description = "write the results from an earlier run's runs.csv instead of running (e.g. after editing bench/analysis.md); "
                + "the ELF sizes are those of the images built now",
        };
        var root = new RootCommand(
            "Builds the C yardstick (bench/baseline-c/) and the kernel for rv32 and rv64, boots every configuration on a fresh "
            + "sparse 64 MiB image (C yardstick without and with FLUSH; kernel: legacy and modern transport, polling and "
            + "interrupts, and on legacy with EVENT_IDX and/or INDIRECT_DESC), repeats everything, alternating the configurations, runs qemu-img bench on the same kind of image, "
            + "and writes results.md (every run of every case, its spread, notifications, interrupts and instructions per request), throughput.png and runs.csv (bench/results/ unless --out or --quick). See bench/README.md.")
        {
            HelpName = "./bench.sh",
        };
        foreach (var option in new Option[] { reps, ms, n, arch, config, baseline, icount, outDir, quick, timeout, list, from })
            root.Options.Add(option);
        CommandLineTool.RejectRepeats(root, config, baseline);
        CommandLineTool.ConfigureHelp(root);
        root.SetAction(result => Run(result.Tokens.Select(t => t.Value).ToList(), new RunRequest(
            Reps: result.GetValue(reps), Milliseconds: result.GetValue(ms), Requests: result.GetValue(n), Arch: result.GetValue(arch),
            Configs: result.GetValue(config) ?? [], Baselines: result.GetValue(baseline) ?? [], Icount: result.GetValue(icount), Out: result.GetValue(outDir), Quick: result.GetValue(quick),
            TimeoutSeconds: result.GetValue(timeout), List: result.GetValue(list), From: result.GetValue(from))));
        return root;
    }

    /// <summary>The options as given (null: not given).</summary>
    private sealed record RunRequest(int? Reps, int? Milliseconds, int? Requests, TargetArch? Arch, string[] Configs, string[] Baselines, bool Icount, string? Out,
                                     bool Quick, double? TimeoutSeconds, bool List, string? From);

    public static int Main(string[] args)
    {
        try
        {
            return CommandLineTool.Invoke(CreateCommand(), args);
        }
        catch (LauncherException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (ToolchainException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int Run(IReadOnlyList<string> args, RunRequest cl)
    {
        var repo = RepoLayout.Find();
        bool quick = cl.Quick;
        var settings = new RunSettings
        {
            Reps = cl.Reps ?? (quick ? 1 : 3),
            Milliseconds = cl.Milliseconds ?? (quick ? 20 : 1000),
            Requests = cl.Requests,
            Icount = cl.Icount,
            Quick = quick,
            CommandLine = "./bench.sh" + (args.Count > 0 ? " " + string.Join(' ', args) : ""),
        };
        var arches = cl.Arch is { } a ? [a] : new List<TargetArch> { TargetArch.RiscV32, TargetArch.RiscV64 };
        var baselines = ResolveBaselines(repo, cl.Baselines);
        var all = BenchConfig.All(arches, baselines);
        if (cl.List)
        {
            int width = all.Max(c => c.Name.Length) + 1;
            foreach (var c in all)
                Console.WriteLine($"{c.Name.PadRight(width)}{c.Description}");
            return 0;
        }
        var wanted = cl.Configs;
        foreach (var name in wanted)
        {
            if (!all.Any(c => c.Name == name))
                throw new LauncherException($"--config {name}: no such configuration (./bench.sh --list{(name.StartsWith("kernel@", StringComparison.Ordinal) && baselines.Count == 0 ? "; a kernel@REV configuration needs --baseline REV" : "")})");
        }
        var configs = wanted.Length == 0 ? all : all.Where(c => wanted.Contains(c.Name)).ToList();
        settings = settings with { Subset = wanted.Length > 0 || cl.Arch is not null };
        var outDir = cl.Out is { } o ? Path.GetFullPath(o)
            : quick ? Path.Combine(repo.Artifacts, "bench", "quick")
            : Path.Combine(repo.Root, "bench", "results");
        var bootTimeout = cl.TimeoutSeconds is { } t
            ? TimeSpan.FromSeconds(t)
            : settings.Requests is not null ? TimeSpan.FromHours(1)
            : TimeSpan.FromSeconds(120 + Cases.Count * (settings.Milliseconds / 1000.0 + 4));

        if (cl.From is { } csv)
            return FromCsv(repo, settings, configs, arches, csv, outDir);

        var tools = new List<string> { "qemu-img" };
        if (configs.Any(c => c.Kind != DriverKind.QemuImg))
            tools.AddRange(["clang-19", "ld.lld-19", .. arches.Select(Prerequisites.QemuFor)]);
        Prerequisites.Ensure(tools);

        var state = new RunState(settings, configs);
        state.Environment["host"] = HostDescription();
        state.Environment["load average at start"] = LoadAverage();
        state.Environment["QEMU"] = ToolVersion(Prerequisites.QemuFor(arches[0]), "--version");
        state.Environment["clang"] = ToolVersion("clang-19", "--version");
        var clock = Stopwatch.StartNew();

        // Builds: the yardstick always (it is small); the kernel once per arch, its failure only skips its rows.
        foreach (var arch in arches)
        {
            var elf = Yardstick.Build(repo, arch);
            state.Images[$"C yardstick {arch.Name()}"] = elf;
            state.YardstickElf[arch] = elf;
            Progress($"built {Path.GetRelativePath(repo.Root, elf)}");
            if (!configs.Any(c => c.Kind == DriverKind.Kernel && c.Baseline is null && c.Arch == arch))
                continue;
            try
            {
                var kernel = KernelProject.Build(repo, arch);
                state.Images[$"C# kernel {arch.Name()}"] = kernel;
                state.KernelElf[(null, arch)] = kernel;
                Progress($"built {Path.GetRelativePath(repo.Root, kernel)}");
            }
            catch (LauncherException e)
            {
                state.SkipKernel(arch, null, $"the kernel did not build ({e.Message})");
            }
        }
        foreach (var b in baselines)
        {
            foreach (var arch in arches.Where(a => configs.Any(c => c.Baseline == b && c.Arch == a)))
            {
                try
                {
                    var kernel = BaselineKernel.Build(repo, b, arch, Progress);
                    state.Images[$"C# kernel at {b.Revision} ({b.ShortHash}) {arch.Name()}"] = kernel;
                    state.KernelElf[(b.Hash, arch)] = kernel;
                    state.BaselineBoots.Add(BaselineBoot.Describe(b, arch, kernel));
                }
                catch (LauncherException e)
                {
                    state.SkipKernel(arch, b, $"the kernel of {b.Revision} did not build ({e.Message})");
                }
            }
        }

        var imageDir = Path.Combine(repo.Artifacts, "bench", "images");
        var logDir = Path.Combine(repo.Artifacts, "bench", "logs");
        for (int rep = 1; rep <= settings.Reps; rep++)
        {
            // Alternate: every repetition starts one configuration later.
            int shift = (rep - 1) % configs.Count;
            var order = configs.Skip(shift).Concat(configs.Take(shift)).ToList();
            for (int i = 0; i < order.Count; i++)
            {
                var config = order[i];
                var label = $"[rep {rep}/{settings.Reps}, {i + 1}/{order.Count}] {config.Name}";
                if (config.Kind == DriverKind.QemuImg)
                {
                    var watch = HostWatch.Start(rep, config.Name, imageDir);
                    state.Samples.AddRange(QemuImgBench.RunAll(imageDir, rep, settings.Milliseconds / 1000.0, m => Progress($"{label}: {m}")));
                    var host = watch.Stop();
                    state.HostRuns.Add(host);
                    Progress($"{label}: {host.Seconds:0.0} s");
                    continue;
                }
                if (state.KernelSkipped(config))
                {
                    Progress($"{label}: skipped ({state.Notes[config.Name]})");
                    continue;
                }
                RunGuest(state, config, rep, imageDir, logDir, bootTimeout, icount: false, label);
            }
        }
        if (settings.Icount)
        {
            foreach (var config in configs.Where(c => c.Kind != DriverKind.QemuImg && !state.KernelSkipped(c)))
                RunGuest(state, config, 0, imageDir, logDir, bootTimeout * 4, icount: true, $"[icount] {config.Name}");
        }
        state.Environment["load average at end"] = LoadAverage();
        state.Elapsed = clock.Elapsed;

        Directory.CreateDirectory(outDir);
        Report.Write(state, repo, outDir);
        Progress($"wrote {Path.Combine(outDir, "results.md")}, throughput.png, runs.csv ({clock.Elapsed.TotalMinutes:0.0} min)");
        Terminal.Summary(state, Row.Summarise(state.Samples, state.IcountSamples), outDir);
        return state.Failures.Count == 0 ? 0 : 1;
    }

    /// <summary><c>--from CSV</c>: the report of an earlier run's measurements.</summary>
    private static int FromCsv(RepoLayout repo, RunSettings settings, IReadOnlyList<BenchConfig> configs, List<TargetArch> arches, string csv, string outDir)
    {
        var samples = SamplesCsv.Read(csv);
        var reps = samples.Select(x => x.Rep).Distinct().Count();
        var state = new RunState(settings with { Reps = Math.Max(reps, 1), FromCsv = true }, configs);
        state.Environment["measurements"] = $"read from {Path.GetFullPath(csv)} (--from): the run's own details are in the results.md written with it";
        state.Samples.AddRange(samples.Where(x => configs.Any(c => c.Name == x.Config) || x.Config == "qemu-img-writethrough"));
        state.IcountSamples.AddRange(SamplesCsv.ReadIcountBeside(csv).Where(x => configs.Any(c => c.Name == x.Config)));
        var hostCsv = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csv))!, "host.csv");
        if (File.Exists(hostCsv))
            state.HostRuns.AddRange(HostCsv.Read(hostCsv).Where(h => configs.Any(c => c.Name == h.Config)));
        foreach (var c in configs.Where(c => c.Kind == DriverKind.Kernel && !state.Samples.Any(x => x.Config == c.Name)))
            state.Notes[c.Name] = "no rows in the CSV";
        foreach (var arch in arches)
        {
            var y = Path.Combine(repo.Artifacts, "bench", "baseline-c", arch.Name(), "yardstick.elf");
            if (File.Exists(y))
                state.Images[$"C yardstick {arch.Name()}"] = y;
            var k = KernelProject.OutputPath(repo, arch);
            if (File.Exists(k))
            {
                state.Images[$"C# kernel {arch.Name()}"] = k;
                state.KernelElf[(null, arch)] = k;
            }
            foreach (var b in configs.Select(c => c.Baseline).OfType<Baseline>().Distinct())
            {
                var elf = BaselineKernel.CachedElf(repo, b, arch);
                if (!File.Exists(elf))
                    continue;
                state.Images[$"C# kernel at {b.Revision} ({b.ShortHash}) {arch.Name()}"] = elf;
                state.KernelElf[(b.Hash, arch)] = elf;
                state.BaselineBoots.Add(BaselineBoot.Describe(b, arch, elf));
            }
        }
        Directory.CreateDirectory(outDir);
        Report.Write(state, repo, outDir);
        Progress($"wrote {Path.Combine(outDir, "results.md")}, throughput.png, runs.csv from {csv}");
        Terminal.Summary(state, Row.Summarise(state.Samples, state.IcountSamples), outDir);
        return 0;
    }

    /// <summary>The requests an <c>--icount</c> boot runs per case when <c>--n</c> does not say: enough that the
    /// per-request counts at QD64 settle, few enough that the boot takes seconds.</summary>
    public const int IcountRequests = 2000;

    /// <summary>A guest case's budget on its command line: <c>bench.n=</c> with <c>--n</c>, else <c>bench.ms=</c>;
    /// an <c>--icount</c> boot always runs a fixed count (<see cref="IcountRequests"/> unless <c>--n</c>), since its
    /// virtual clock counts instructions: a time budget there would be a budget of guest instructions, most of them
    /// the polling spin, and would take minutes of host time per case.</summary>
    public static string Budget(RunSettings settings, bool icount) =>
        settings.Requests is { } n ? $"bench.n={n}"
        : icount ? $"bench.n={IcountRequests}"
        : $"bench.ms={settings.Milliseconds}";

    private static void RunGuest(RunState state, BenchConfig config, int rep, string imageDir, string logDir, TimeSpan timeout, bool icount, string label)
    {
        var arch = config.Arch;
        string executable;
        string append;
        string budget = Budget(state.Settings, icount);
        if (config.Kind == DriverKind.Yardstick)
        {
            executable = state.YardstickElf[arch];
            append = $"bench bench.features={config.YardstickFeatures} {budget}";
        }
        else
        {
            executable = state.KernelElf[(config.Baseline?.Hash, arch)];
            // A queue of 256 entries: QD64 takes 192 descriptors (the kernel's default queue has 128).
            append = $"bench blk.completion={config.Completion} blk.queue={KernelQueueSize} {budget}"
                + (config.Ring is null ? "" : $" bench.ring={config.Ring}")
                + (config.NapMicroseconds is { } nap ? $" bench.nap={nap}" : "");
        }
        var image = FreshImage.Create(imageDir, $"{config.Name}.img");
        var logPath = Path.Combine(logDir, icount ? $"icount-{config.Name}.log" : $"rep{rep}-{config.Name}.log");
        // The icount boots' figures do not depend on the host: only the timed repetitions are watched.
        var watch = icount ? null : HostWatch.Start(rep, config.Name, imageDir);
        var output = GuestRun.Boot(executable, arch, config.Transport, append, image, timeout, icount, logPath, config.PackedRing);
        if (watch is not null)
            state.HostRuns.Add(watch.Stop());
        File.Delete(image);

        if (output.Lines.Count == 0 && config.Kind == DriverKind.Kernel)
        {
            // No bench line at all: the kernel has no bench mode yet (or it failed before the first case).
            var why = output.Log.Contains("ignoring unknown option 'bench'", StringComparison.Ordinal)
                ? "the kernel has no bench mode yet: it ignored the 'bench' option"
                : $"the kernel printed no bench line (exit status {output.ExitCode}{(output.Error is null ? "" : $", {output.Error}")}; log: {logPath})";
            state.SkipKernel(arch, config.Baseline, why);
            Progress($"{label}: {why}; its rows are skipped");
            return;
        }
        bool ok = output.ExitCode == 0 && output.SawDone && output.Error is null;
        if (!ok)
        {
            var what = output.TimedOut ? $"timed out after {timeout.TotalSeconds:0} s" : $"exit status {output.ExitCode}";
            state.Failures.Add($"{config.Name}{(icount ? " (icount)" : $" rep {rep}")}: {what}{(output.Error is null ? "" : $", {output.Error}")}{(output.SawDone ? "" : ", no 'bench: done'")}; its lines are left out (log: {logPath})");
            Progress($"{label}: FAILED ({what}{(output.Error is null ? "" : $", {output.Error}")}); log: {logPath}");
            return;
        }
        // An option the kernel did not take (an older revision's, --baseline): its rows are not what the name says.
        foreach (var rejected in KernelConsole.RejectedOptions(output.Log).Distinct())
        {
            var seen = state.Rejected.TryGetValue(config.Name, out var list) ? list : state.Rejected[config.Name] = [];
            if (!seen.Contains(rejected))
            {
                seen.Add(rejected);
                state.Warnings.Add($"{config.Name}: the kernel said '{rejected}'");
            }
        }
        foreach (var line in output.Lines)
        {
            if (line.Arch != arch.Name() || line.Transport != config.Transport.Name() || line.Completion != config.Completion)
                state.Warnings.Add($"{config.Name}: a line says arch={line.Arch} transport={line.Transport} completion={line.Completion}");
        }
        // insns= is read from instret, which QEMU's TCG counts only under -icount (otherwise it follows the host's
        // cycle counter): kept from the icount boot only.
        var samples = output.Lines.Select(l => Sample.From(rep, config, l)).Select(x => icount ? x : x with { Insns = null }).ToList();
        (icount ? state.IcountSamples : state.Samples).AddRange(samples);
        Progress($"{label}: {samples.Count} rows, {output.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The <c>--baseline</c> revisions resolved to commits; two that name the same commit are a mistake.</summary>
    private static List<Baseline> ResolveBaselines(RepoLayout repo, IReadOnlyList<string> revisions)
    {
        var baselines = new List<Baseline>();
        foreach (var revision in revisions)
        {
            var b = Baseline.Resolve(repo.Root, revision);
            if (baselines.FirstOrDefault(x => x.Hash == b.Hash) is { } same)
                throw new LauncherException($"--baseline {same.Revision} and --baseline {revision} are the same commit ({b.ShortHash})");
            baselines.Add(b);
        }
        return baselines;
    }

    private static Option<int?> PositiveInt(string name, string helpName, string description) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = r => int.TryParse(r.Tokens.Single().Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : Fail<int?>(r, $"{name} expects a positive whole number, not '{r.Tokens.Single().Value}'"),
    };

    private static T? Fail<T>(ArgumentResult r, string message)
    {
        r.AddError(message);
        return default;
    }

    /// <summary>The kernel's <c>blk.queue</c> in its bench mode: what the yardstick uses too.</summary>
    public const int KernelQueueSize = 256;

    public static void Progress(string message) => Terminal.Progress(message);

    private static string HostDescription()
    {
        string cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException) { }
        return $"{cpu}, {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    private static string ToolVersion(string tool, string flag)
    {
        try
        {
            var result = Cli.Wrap(tool).WithArguments([flag]).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync().GetAwaiter().GetResult();
            return result.StandardOutput.Split('\n')[0].Trim();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e.InnerException is System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}

/// <summary>How the runner was asked to run.</summary>
public sealed record RunSettings
{
    public int Reps { get; init; }
    public int Milliseconds { get; init; }
    public int? Requests { get; init; }
    public bool Icount { get; init; }
    public bool Quick { get; init; }
    /// <summary><c>--from</c>: the measurements come from a CSV, the consoles of their boots are not at hand.</summary>
    public bool FromCsv { get; init; }
    /// <summary><c>--config</c> or <c>--arch</c> chose some of the configurations: bench/analysis.md, written about a
    /// full run, is left out of results.md.</summary>
    public bool Subset { get; init; }
    public string CommandLine { get; init; } = "";
}

/// <summary>Everything a run gathers, for <see cref="Report"/>.</summary>
public sealed class RunState(RunSettings settings, IReadOnlyList<BenchConfig> configs)
{
    public RunSettings Settings { get; } = settings;
    public IReadOnlyList<BenchConfig> Configs { get; } = configs;
    public List<Sample> Samples { get; } = [];
    public List<Sample> IcountSamples { get; } = [];
    /// <summary>The host around each timed run (host.csv).</summary>
    public List<HostRun> HostRuns { get; } = [];
    /// <summary>Per configuration: why it has no rows.</summary>
    public Dictionary<string, string> Notes { get; } = [];
    public List<string> Failures { get; } = [];
    public List<string> Warnings { get; } = [];
    public Dictionary<string, string> Environment { get; } = [];
    /// <summary>ELF files whose sections the report lists, by label.</summary>
    public Dictionary<string, string> Images { get; } = [];
    public Dictionary<TargetArch, string> YardstickElf { get; } = [];
    /// <summary>The kernel's ELF by revision (null: today's; else <see cref="Baseline.Hash"/>) and arch.</summary>
    public Dictionary<(string? Revision, TargetArch Arch), string> KernelElf { get; } = [];
    /// <summary>Per configuration: the kernel's complaints about its command line (<see cref="KernelConsole"/>).</summary>
    public Dictionary<string, List<string>> Rejected { get; } = [];
    /// <summary>How each baseline kernel was built and booted, for the report.</summary>
    public List<BaselineBoot> BaselineBoots { get; } = [];
    public TimeSpan Elapsed { get; set; }

    /// <summary>Skips every kernel configuration of <paramref name="arch"/> and <paramref name="baseline"/> (null:
    /// today's kernel), with the reason.</summary>
    public void SkipKernel(TargetArch arch, Baseline? baseline, string why)
    {
        foreach (var c in Configs.Where(c => c.Kind == DriverKind.Kernel && c.Arch == arch && c.Baseline == baseline))
            Notes.TryAdd(c.Name, why);
    }

    public bool KernelSkipped(BenchConfig config) => config.Kind == DriverKind.Kernel && Notes.ContainsKey(config.Name);
}
