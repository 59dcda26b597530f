namespace Kernel.Bench;

using System;
using Kernel.Boot;
using Kernel.Drivers.Virtio;
using Kernel.Shell;

/// <summary>
/// The benchmark's options (bench/README.md, "The kernel command line"): <c>bench</c> itself, <c>bench.ms</c>,
/// <c>bench.n</c>, <c>bench.features</c>, <c>bench.ring</c>, <c>bench.sizes</c>, <c>bench.qd</c>, <c>bench.ops</c>, <c>bench.patterns</c>,
/// <c>bench.nap</c>, <c>bench.verify</c> and <c>bench.seed</c>. All zero (<c>default</c>) means the defaults, so that the struct can sit
/// in <see cref="KernelOptions"/> without initialisation. The values and their bounds are the C yardstick's
/// (bench/baseline-c/bench.c). The shell's <c>bench</c> command takes the same options, with or without the
/// <c>bench.</c> prefix.
/// </summary>
public struct BenchOptions
{
    /// <summary>The time budget of a case when <c>bench.ms</c> is not given.</summary>
    public const uint DefaultMilliseconds = 1000;

    /// <summary>The queue size (<c>blk.queue</c>) with <c>bench</c> when <c>blk.queue</c> is not given: depth 64 takes
    /// 192 descriptors (bench/README.md), and the C yardstick's queue has 256 entries.</summary>
    public const uint DefaultQueueSize = 256;

    /// <summary>The largest <c>bench.ms</c>: an hour.</summary>
    public const uint MaxMilliseconds = 3_600_000;

    /// <summary>The largest <c>bench.n</c>.</summary>
    public const uint MaxRequests = 1u << 24;

    /// <summary>The PRNG seed when <c>bench.seed</c> is not given (the yardstick's).</summary>
    public const ulong DefaultSeed = 0x2545f4914f6cdd1dUL;

    /// <summary>Bit i of <see cref="Sizes"/>: request size i (512, 4096, 65536).</summary>
    public const int SizeCount = 3;

    /// <summary>Bit i of <see cref="Depths"/>: queue depth i (1, 4, 16, 64).</summary>
    public const int DepthCount = 4;

    /// <summary><c>bench</c> (or <c>bench=on</c>): run the benchmark at boot instead of the demo, then power off.</summary>
    public bool Enabled;

    /// <summary><c>bench.ms</c>; 0: <see cref="DefaultMilliseconds"/>.</summary>
    public uint Milliseconds;

    /// <summary><c>bench.n</c>: exactly this many requests per case, no time budget; 0: the time budget decides.</summary>
    public uint Requests;

    /// <summary><c>bench.sizes</c>, <c>bench.qd</c>, <c>bench.ops</c> (bit 0 read, bit 1 write), <c>bench.patterns</c>
    /// (bit 0 seq, bit 1 rand) as bit masks; 0: all.</summary>
    public uint Sizes, Depths, Ops, Patterns;

    /// <summary><c>bench.seed</c>; 0: <see cref="DefaultSeed"/>.</summary>
    public ulong Seed;

    /// <summary><c>bench.nap</c>: polling, the loop sleeps this many microseconds on the SBI timer after each look at
    /// the used ring that finds nothing while more than one request is in flight, instead of looking again at once;
    /// 0 (the default): it spins. Ignored with interrupts, which sleep anyway.</summary>
    public uint NapMicroseconds;

    /// <summary><c>bench.verify=off</c>.</summary>
    public bool NoVerify;

    /// <summary><c>bench.features</c>.</summary>
    public BenchFeatures Features;

    /// <summary><c>bench.ring</c> was given: <see cref="RingFeatures"/> replaces the ring features (EVENT_IDX,
    /// INDIRECT_DESC) that <see cref="Features"/> implies, so that the bench can measure each with and without.</summary>
    public bool RingGiven;

    /// <summary><c>bench.ring</c>: VIRTIO_F_RING_EVENT_IDX and/or VIRTIO_F_INDIRECT_DESC, or 0 for <c>none</c>.</summary>
    public ulong RingFeatures;

    public static ulong SizeAt(int index) => index switch
    {
        0 => 512,
        1 => 4096,
        _ => 65536,
    };

    public static ulong DepthAt(int index) => index switch
    {
        0 => 1,
        1 => 4,
        2 => 16,
        _ => 64,
    };

    public readonly uint EffectiveMilliseconds => Milliseconds == 0 ? DefaultMilliseconds : Milliseconds;

    public readonly ulong EffectiveSeed => Seed == 0 ? DefaultSeed : Seed;

    public readonly bool Verify => !NoVerify;

    public readonly bool WantsSize(int index) => Sizes == 0 || (Sizes & (1u << index)) != 0;

    public readonly bool WantsDepth(int index) => Depths == 0 || (Depths & (1u << index)) != 0;

    public readonly bool WantsOp(bool write) => Ops == 0 || (Ops & (write ? 2u : 1u)) != 0;

    public readonly bool WantsPattern(bool random) => Patterns == 0 || (Patterns & (random ? 2u : 1u)) != 0;

    /// <summary>Whether <paramref name="key"/> is one of the benchmark's command-line options.</summary>
    public static bool IsOption(ReadOnlySpan<byte> key) => key.SequenceEqual("bench"u8) || key.StartsWith("bench."u8);

    /// <summary>
    /// Applies one option: <paramref name="key"/> is <c>bench</c> or <c>bench.NAME</c> (the shell passes NAME alone,
    /// with <paramref name="prefixed"/> false), <paramref name="value"/> what follows the <c>=</c>
    /// (<paramref name="hasValue"/>: whether there was one). False on a bad value or an unknown name, with what was
    /// expected in <paramref name="expected"/>.
    /// </summary>
    public bool TryApply(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, bool hasValue, out string expected)
    {
        expected = "";
        if (key.SequenceEqual("bench"u8))
        {
            if (!hasValue || value.SequenceEqual("on"u8))
            {
                Enabled = true;
                return true;
            }

            if (value.SequenceEqual("off"u8))
            {
                Enabled = false;
                return true;
            }

            expected = "on or off (or bench alone)";
            return false;
        }

        ReadOnlySpan<byte> name = key.StartsWith("bench."u8) ? key.Slice(6) : key;
        if (name.SequenceEqual("ms"u8))
        {
            expected = "a time budget from 1 to 3600000 ms";
            if (!Numbers.TryParseDecimal(value, out ulong ms) || ms == 0 || ms > MaxMilliseconds)
            {
                return false;
            }

            Milliseconds = (uint)ms;
            return true;
        }

        if (name.SequenceEqual("n"u8))
        {
            expected = "a request count from 0 (the time budget decides) to 16777216";
            if (!Numbers.TryParseDecimal(value, out ulong n) || n > MaxRequests)
            {
                return false;
            }

            Requests = (uint)n;
            return true;
        }

        if (name.SequenceEqual("nap"u8))
        {
            expected = "microseconds from 0 to 1000000";
            if (!Numbers.TryParseDecimal(value, out ulong nap) || nap > 1_000_000)
            {
                return false;
            }

            NapMicroseconds = (uint)nap;
            return true;
        }

        if (name.SequenceEqual("seed"u8))
        {
            expected = "a seed from 1 to 18446744073709551615";
            if (!Numbers.TryParseDecimal(value, out ulong seed) || seed == 0)
            {
                return false;
            }

            Seed = seed;
            return true;
        }

        if (name.SequenceEqual("sizes"u8))
        {
            expected = "request sizes among 512, 4096 and 65536, separated by commas";
            return TryParseNumberList(value, SizeCount, sizes: true, out Sizes);
        }

        if (name.SequenceEqual("qd"u8))
        {
            expected = "queue depths among 1, 4, 16 and 64, separated by commas";
            return TryParseNumberList(value, DepthCount, sizes: false, out Depths);
        }

        if (name.SequenceEqual("ops"u8))
        {
            expected = "read, write or read,write";
            return TryParseWordList(value, "read"u8, "write"u8, out Ops);
        }

        if (name.SequenceEqual("patterns"u8))
        {
            expected = "seq, rand or seq,rand";
            return TryParseWordList(value, "seq"u8, "rand"u8, out Patterns);
        }

        if (name.SequenceEqual("verify"u8))
        {
            expected = "on or off";
            if (value.SequenceEqual("on"u8) || value.SequenceEqual("off"u8))
            {
                NoVerify = value.SequenceEqual("off"u8);
                return true;
            }

            return false;
        }

        if (name.SequenceEqual("features"u8))
        {
            expected = "none, flush or driver";
            if (value.SequenceEqual("flush"u8))
            {
                Features = BenchFeatures.Flush;
            }
            else if (value.SequenceEqual("none"u8))
            {
                Features = BenchFeatures.None;
            }
            else if (value.SequenceEqual("driver"u8))
            {
                Features = BenchFeatures.Driver;
            }
            else
            {
                return false;
            }

            return true;
        }

        if (name.SequenceEqual("ring"u8))
        {
            expected = "none, event-idx, indirect or event-idx,indirect";
            RingGiven = true;
            RingFeatures = 0;
            if (value.SequenceEqual("none"u8))
            {
                return true;
            }

            if (!TryParseWordList(value, "event-idx"u8, "indirect"u8, out uint ring))
            {
                return false;
            }

            RingFeatures = ((ring & 1) != 0 ? VirtioBlkFeatures.RingEventIdx : 0) | ((ring & 2) != 0 ? VirtioBlkFeatures.RingIndirectDesc : 0);
            return true;
        }

        expected = "one of bench, bench.ms, bench.n, bench.features, bench.ring, bench.sizes, bench.qd, bench.ops, bench.patterns, bench.nap, bench.verify, bench.seed";
        return false;
    }

    /// <summary>A comma-separated list of numbers, each one of the sizes (or depths): the bit mask, never 0.</summary>
    static bool TryParseNumberList(ReadOnlySpan<byte> list, int count, bool sizes, out uint mask)
    {
        mask = 0;
        while (!list.IsEmpty)
        {
            int comma = list.IndexOf((byte)',');
            ReadOnlySpan<byte> item = comma < 0 ? list : list.Slice(0, comma);
            list = comma < 0 ? default : list.Slice(comma + 1);
            if (!Numbers.TryParseDecimal(item, out ulong value))
            {
                mask = 0;
                return false;
            }

            int i = 0;
            while (i < count && (sizes ? SizeAt(i) : DepthAt(i)) != value)
            {
                i++;
            }

            if (i == count)
            {
                mask = 0;
                return false;
            }

            mask |= 1u << i;
        }

        return mask != 0;
    }

    /// <summary>A comma-separated list of <paramref name="first"/> (bit 0) and <paramref name="second"/> (bit 1).</summary>
    static bool TryParseWordList(ReadOnlySpan<byte> list, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, out uint mask)
    {
        mask = 0;
        while (!list.IsEmpty)
        {
            int comma = list.IndexOf((byte)',');
            ReadOnlySpan<byte> item = comma < 0 ? list : list.Slice(0, comma);
            list = comma < 0 ? default : list.Slice(comma + 1);
            if (item.SequenceEqual(first))
            {
                mask |= 1;
            }
            else if (item.SequenceEqual(second))
            {
                mask |= 2;
            }
            else
            {
                mask = 0;
                return false;
            }
        }

        return mask != 0;
    }
}
