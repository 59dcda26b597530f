using System.Globalization;
using Kernel.Fuzz;
using Kernel.Fuzz.Runner;

// The fuzzing runner; fuzz/README.md says how to use it. TARGET is driver, devicetree or tar.
const string Usage = """
    usage: fuzz-runner campaign TARGET [MINUTES]   AFL++ over the SharpFuzz-instrumented target (default 10 min)
           fuzz-runner afl TARGET                  what afl-fuzz runs: SharpFuzz's fork server around the target
           fuzz-runner random TARGET [COUNT] [SEED] seeded random inputs (the test suite's short run)
           fuzz-runner replay TARGET FILE|HEX       one input, the driver's steps traced; says what it broke
           fuzz-runner minimize TARGET FILE|HEX     the shortest input that breaks the same invariant
    """;

if (args.Length < 2 || !FuzzTargets.ByName.TryGetValue(args[1], out FuzzTargets.Target? target))
{
    Console.Error.WriteLine(Usage + $"targets: {string.Join(", ", FuzzTargets.ByName.Keys)}");
    return 2;
}

string name = args[1];
if (args[0] is "replay" or "minimize")
{
    DriverTarget.GuardUnreached = false;   // a wild write is named with its step and bytes, not a SIGSEGV
}

switch (args[0])
{
    case "campaign":
        return Campaign.Run(name, TimeSpan.FromMinutes(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10));

    case "afl":
        // Out of process: an input that faults (a read past a device tree's guard page) is a crash afl-fuzz keeps,
        // not the end of the fork server.
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            target(copy.ToArray());
        });
        return 0;

    case "random":
        {
            int count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10000;
            int seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
            var seeds = FuzzFiles.Load(FuzzFiles.Seeds(name)).Select(s => s.Bytes).ToList();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            TimeSpan cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var failure = RandomCampaign.Run(target, seeds, count, seed, FuzzFiles.MaxLength(name));
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            // CPU time as well as wall time: on a shared machine the first says what the target costs.
            Console.WriteLine(failure is null
                ? $"{name}: {count} inputs (seed {seed}), no invariant broken, {clock.Elapsed.TotalSeconds:0.0} s, {cpu.TotalSeconds:0.0} s of CPU ({count / Math.Max(cpu.TotalSeconds, 1e-3):0}/s)"
                : $"{name}: input {failure.Index} (seed {seed}): {failure.Error}\n{Convert.ToHexString(failure.Input)}");
            return failure is null ? 0 : 1;
        }

    case "replay" when args.Length == 3:
        {
            byte[] input = Read(args[2]);
            DriverTarget.Trace = Console.WriteLine;
            string? broke = Breaks(target, input, full: true);
            Console.WriteLine(broke ?? "no invariant broken");
            return broke is null ? 0 : 1;
        }

    case "minimize" when args.Length == 3:
        {
            byte[] input = Read(args[2]);
            string want = Breaks(target, input, full: false) ?? throw new InvalidOperationException("the input breaks nothing");
            for (int chunk = 64; chunk >= 1; chunk /= 2)
            {
                for (int at = 0; at + chunk <= input.Length;)
                {
                    byte[] shorter = [.. input.AsSpan(0, at), .. input.AsSpan(at + chunk)];
                    if (Breaks(target, shorter, full: false) == want)
                    {
                        input = shorter;
                    }
                    else
                    {
                        at += chunk;
                    }
                }
            }

            Console.WriteLine($"{input.Length} bytes: {want}\n{Convert.ToHexString(input)}");
            return 0;
        }

    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

static byte[] Read(string fileOrHex) => File.Exists(fileOrHex) ? File.ReadAllBytes(fileOrHex) : Convert.FromHexString(fileOrHex);

// What the input broke: the whole exception, or (to compare while minimising) its kind and the start of its message.
static string? Breaks(FuzzTargets.Target target, byte[] input, bool full)
{
    try
    {
        target(input);
        return null;
    }
    catch (Exception e)
    {
        if (full)
        {
            return e.ToString();
        }

        string message = e.Message.Length > 40 ? e.Message[..40] : e.Message;
        return $"{e.GetType().Name}: {message}";
    }
}
