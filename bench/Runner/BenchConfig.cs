using Rvc.Driver;
using Rvc.Launcher;

namespace Rvc.Bench;

/// <summary>What produced a row: the C# kernel, the C yardstick, or QEMU's block layer alone.</summary>
public enum DriverKind
{
    Kernel,
    Yardstick,
    QemuImg,
}

/// <summary>One configuration the runner boots (or, for qemu-img, runs): a line of the plot, a group of rows.</summary>
public sealed record BenchConfig
{
    public required string Name { get; init; }
    public required DriverKind Kind { get; init; }
    public TargetArch Arch { get; init; } = TargetArch.Host;
    public VirtioTransport Transport { get; init; } = VirtioTransport.Legacy;
    /// <summary><c>poll</c> or <c>irq</c> (the kernel's <c>blk.completion=</c>).</summary>
    public string Completion { get; init; } = "poll";
    /// <summary>The kernel's <c>bench.ring=</c> (the ring features it accepts besides FLUSH): <c>event-idx</c>,
    /// <c>indirect</c> or <c>event-idx,indirect</c>; null: none (the kernel's bench default with FLUSH).</summary>
    public string? Ring { get; init; }
    /// <summary>The packed virtqueue (the launcher's <c>--ring packed</c>: QEMU's packed=on, modern transport only).</summary>
    public bool PackedRing { get; init; }
    /// <summary>The kernel's <c>bench.nap=</c>: polling, the bench loop sleeps this many microseconds on the timer
    /// between looks at the used ring while more than one request is in flight; null: it spins (the default).</summary>
    public int? NapMicroseconds { get; init; }
    /// <summary>The C yardstick's <c>bench.features=</c>: <c>none</c> or <c>flush</c>.</summary>
    public string? YardstickFeatures { get; init; }
    /// <summary>The kernel of an earlier revision (<c>--baseline</c>) rather than today's; null: today's.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>A short description for the tables.</summary>
    public string Description => Kind switch
    {
        DriverKind.Kernel => $"C# kernel{(Baseline is null ? "" : $" at {Baseline.Title}")}, {Arch.Name()}, {Transport.Name()}{(PackedRing ? ", packed ring" : "")}, {(Completion == "irq" ? "interrupts" : "polling")}{(NapMicroseconds is { } nap ? $" with {nap} µs naps while others are in flight" : "")}, "
            + (Ring is null ? "FLUSH, no ring features" : $"FLUSH + {Ring.Replace("event-idx", "EVENT_IDX").Replace("indirect", "INDIRECT_DESC").Replace(",", " + ")}"),
        DriverKind.Yardstick => $"C yardstick, {Arch.Name()}, legacy, polling, accepts {(YardstickFeatures == "flush" ? "FLUSH" : "no features")}",
        _ => "qemu-img bench: QEMU's block layer alone (raw, aio=threads, cache=writeback; writes also cache=writethrough), sequential only",
    };

    /// <summary>Every configuration of issues 6 and 13, in the order the first repetition runs them, and of each
    /// baseline the kernel configurations of <see cref="HasBaselineCounterpart"/>, each right after today's of the same
    /// arch, transport and completion (so that the two run next to each other, and swap places from one repetition to the next when only they are
    /// chosen).</summary>
    public static IReadOnlyList<BenchConfig> All(IReadOnlyList<TargetArch> arches, IReadOnlyList<Baseline>? baselines = null)
    {
        var list = new List<BenchConfig>();
        foreach (var arch in arches)
        {
            foreach (var features in new[] { "none", "flush" })
                list.Add(new BenchConfig { Name = $"c-{arch.Name()}-{features}", Kind = DriverKind.Yardstick, Arch = arch, YardstickFeatures = features });
            foreach (var transport in new[] { VirtioTransport.Legacy, VirtioTransport.Modern })
            {
                foreach (var completion in new[] { "poll", "irq" })
                {
                    list.Add(new BenchConfig
                    {
                        Name = $"kernel-{arch.Name()}-{transport.Name()}-{completion}",
                        Kind = DriverKind.Kernel,
                        Arch = arch,
                        Transport = transport,
                        Completion = completion,
                    });
                }
            }
            // The packed ring (issue 13), beside the modern split rows above with the same features: packed against split.
            foreach (var completion in new[] { "poll", "irq" })
            {
                list.Add(new BenchConfig
                {
                    Name = $"kernel-{arch.Name()}-modern-{completion}-packed",
                    Kind = DriverKind.Kernel,
                    Arch = arch,
                    Transport = VirtioTransport.Modern,
                    Completion = completion,
                    PackedRing = true,
                });
            }
            // Polling that sleeps between looks while others are in flight (bench.nap, bench/driver-costs.md), beside
            // the legacy polling row with the same features: the vCPU's spin against QEMU's I/O threads on the host.
            list.Add(new BenchConfig
            {
                Name = $"kernel-{arch.Name()}-legacy-poll-nap",
                Kind = DriverKind.Kernel,
                Arch = arch,
                Transport = VirtioTransport.Legacy,
                Completion = "poll",
                NapMicroseconds = NapConfigMicroseconds,
            });
            // The ring features, each alone and both, on the legacy transport (the yardstick's): their effect on
            // notifications (EVENT_IDX's avail_event), interrupts (used_event) and the driver's instructions.
            foreach (var completion in new[] { "poll", "irq" })
            {
                foreach (var ring in new[] { "event-idx", "indirect", "event-idx,indirect" })
                {
                    list.Add(new BenchConfig
                    {
                        Name = $"kernel-{arch.Name()}-legacy-{completion}-{ring.Replace(",", "-").Replace("event-idx", "eventidx")}",
                        Kind = DriverKind.Kernel,
                        Arch = arch,
                        Transport = VirtioTransport.Legacy,
                        Completion = completion,
                        Ring = ring,
                    });
                }
            }
        }
        list.Add(new BenchConfig { Name = "qemu-img", Kind = DriverKind.QemuImg });
        // Alternate the kinds: each kind spread evenly over the order (yardstick rows between kernel rows, qemu-img in
        // the middle), so that neighbouring runs differ and a slow patch of the host does not hit one kind only.
        var mixed = list
            .GroupBy(c => c.Kind)
            .SelectMany(g => g.Select((c, i) => (Config: c, Position: (i + 0.5) / g.Count())))
            .OrderBy(x => x.Position)
            .ThenBy(x => x.Config.Kind)
            .Select(x => x.Config)
            .ToList();
        // The baselines' after the mixing, each right behind today's: today's order stays what it was without them.
        return mixed.SelectMany(c => new[] { c }.Concat((baselines ?? []).Where(_ => HasBaselineCounterpart(c)).Select(c.AtBaseline))).ToList();
    }

    /// <summary>
    /// Whether a baseline gets this configuration too: the kernel on either transport with either completion, FLUSH
    /// only. Their command line (<c>bench blk.completion= blk.queue= bench.ms=|bench.n=</c>) and QEMU options are what
    /// every kernel with a bench mode understands (issue 6). The ring features (<c>bench.ring=</c>) and the packed ring
    /// came later (issue 13): a kernel from before rejects the option, or declines the packed ring QEMU offers and runs
    /// the split ring, which would make rows under a name that says otherwise.
    /// </summary>
    public static bool HasBaselineCounterpart(BenchConfig config)
        => config.Kind == DriverKind.Kernel && config.Baseline is null && config.Ring is null && !config.PackedRing
           && config.NapMicroseconds is null;

    /// <summary>The nap of the <c>-nap</c> configurations: 10 µs (of 0, 5, 10, 20 and 50 tried, bench/driver-costs.md).</summary>
    public const int NapConfigMicroseconds = 10;

    /// <summary>For a baseline's configuration, today's of the same arch, transport and completion; null for today's.</summary>
    public string? TodayName => Baseline is null ? null : "kernel" + Name[Baseline.ConfigPrefix.Length..];

    /// <summary>This configuration with the kernel of <paramref name="baseline"/>: <c>kernel-rv64-legacy-poll</c> becomes
    /// <c>kernel@REV-rv64-legacy-poll</c>.</summary>
    public BenchConfig AtBaseline(Baseline baseline)
    {
        if (!HasBaselineCounterpart(this))
            throw new InvalidOperationException($"{Name} has no baseline counterpart");
        return this with { Name = baseline.ConfigPrefix + Name["kernel".Length..], Baseline = baseline };
    }
}
