namespace Kernel.Boot;

using System;
using Kernel.Output;
using Kernel.Shell;

/// <summary>
/// Parses the kernel command line (<c>/chosen/bootargs</c>, what QEMU's <c>-append</c> sets): options separated
/// by spaces, each <c>key=value</c>. The grammar is in kernel/README.md. Errors and ignored options are reported
/// on the console as <c>cmdline: ...</c>.
/// </summary>
public static class KernelCommandLine
{
    /// <summary>False on a malformed value of a known option: the kernel must then not touch the disk, since
    /// the user asked for something it cannot tell.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out KernelOptions options)
    {
        options = KernelOptions.Defaults;
        bool ok = true;
        bool queueGiven = false;
        while (!text.IsEmpty)
        {
            int end = text.IndexOf((byte)' ');
            ReadOnlySpan<byte> option = end < 0 ? text : text.Slice(0, end);
            text = end < 0 ? default : text.Slice(end + 1);
            if (option.IsEmpty)
            {
                // Runs of spaces.
                continue;
            }

            int equals = option.IndexOf((byte)'=');
            ReadOnlySpan<byte> key = equals < 0 ? option : option.Slice(0, equals);
            ReadOnlySpan<byte> value = equals < 0 ? default : option.Slice(equals + 1);
            if (key.SequenceEqual("blk.checksum"u8))
            {
                options.ChecksumCount = 0;
                ok &= ParseSectorList(value, ref options);
            }
            else if (key.SequenceEqual("blk.read"u8))
            {
                options.HasRead = Numbers.TryParseDecimal(value, out options.ReadSector);
                if (!options.HasRead)
                {
                    Fail("blk.read"u8, value, "a sector number");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("blk.fill"u8))
            {
                options.HasFill = Numbers.TryParseDecimal(value, out options.FillSeed);
                if (!options.HasFill)
                {
                    Fail("blk.fill"u8, value, "a seed from 0 to 18446744073709551615");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("blk.reinit"u8))
            {
                options.HasReinit = Numbers.TryParseDecimal(value, out ulong times) && times >= 1 && times <= ReinitTest.MaxCount;
                options.ReinitCount = options.HasReinit ? (uint)times : 0;
                if (!options.HasReinit)
                {
                    Fail("blk.reinit"u8, value, "a count from 1 to 100000");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("shell"u8))
            {
                // "shell" alone turns it on.
                if (equals < 0 || value.SequenceEqual("on"u8))
                {
                    options.Shell = true;
                    options.UserShell = false;
                }
                else if (value.SequenceEqual("off"u8))
                {
                    options.Shell = false;
                    options.UserShell = false;
                }
                else if (value.SequenceEqual("user"u8))
                {
                    // The book's shell in U-mode (user/Shell), through system calls.
                    options.Shell = false;
                    options.UserShell = true;
                }
                else
                {
                    Fail("shell"u8, value, "on, off or user (or shell alone)");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("init"u8))
            {
                options.InitProgram = Kernel.Processes.UserPrograms.Find(value);
                options.HasInit = options.InitProgram >= 0;
                if (!options.HasInit)
                {
                    Fail("init"u8, value, "the name of an embedded user program");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("blk.completion"u8))
            {
                if (value.SequenceEqual("poll"u8))
                {
                    options.Completion = CompletionMode.Poll;
                }
                else if (value.SequenceEqual("irq"u8))
                {
                    options.Completion = CompletionMode.Interrupt;
                }
                else
                {
                    Fail("blk.completion"u8, value, "poll or irq");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("blk.timeout"u8) || key.SequenceEqual("blk.warn"u8))
            {
                bool timeout = key.SequenceEqual("blk.timeout"u8);
                if (Numbers.TryParseDecimal(value, out ulong seconds) && seconds <= KernelOptions.MaxWaitSeconds)
                {
                    if (timeout)
                    {
                        options.TimeoutSeconds = (uint)seconds;
                    }
                    else
                    {
                        options.WarnSeconds = (uint)seconds;
                    }
                }
                else
                {
                    Fail(timeout ? "blk.timeout"u8 : "blk.warn"u8, value, "seconds from 0 (none) to 86400");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("blk.ring"u8))
            {
                if (value.SequenceEqual("split"u8) || value.SequenceEqual("packed"u8))
                {
                    options.RingGiven = true;
                    options.PackedRing = value.SequenceEqual("packed"u8);
                }
                else
                {
                    Fail("blk.ring"u8, value, "split or packed");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("blk.queue"u8))
            {
                if (Numbers.TryParseDecimal(value, out ulong size) && size >= KernelOptions.MinQueueSize && size <= KernelOptions.MaxQueueSize)
                {
                    options.QueueSize = (uint)size;
                    queueGiven = true;
                }
                else
                {
                    Fail("blk.queue"u8, value, "a queue size from 4 to 32768");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("fault"u8))
            {
                if (value.SequenceEqual("unmapped"u8))
                {
                    options.Fault = FaultKind.Unmapped;
                }
                else if (value.SequenceEqual("exec-data"u8))
                {
                    options.Fault = FaultKind.ExecuteData;
                }
                else if (value.SequenceEqual("write-text"u8))
                {
                    options.Fault = FaultKind.WriteText;
                }
                else
                {
                    Fail("fault"u8, value, "unmapped, exec-data or write-text");
                    ok = false;
                }
            }
            else if (key.SequenceEqual("demo"u8))
            {
                if (value.SequenceEqual("on"u8))
                {
                    options.Demo = true;
                }
                else if (value.SequenceEqual("off"u8))
                {
                    options.Demo = false;
                }
                else
                {
                    Fail("demo"u8, value, "on or off");
                    ok = false;
                }
            }
            else if (Kernel.Bench.BenchOptions.IsOption(key))
            {
                if (!options.Bench.TryApply(key, value, equals >= 0, out string expected))
                {
                    Fail(key, value, expected);
                    ok = false;
                }
            }
            else
            {
                // Not ours (a bootloader or a later stage may read it): say so, as a typo is the likelier cause.
                Print.Text("cmdline: ignoring unknown option '");
                Print.Ascii(option);
                Print.Line("'");
            }
        }

        if (options.Bench.Enabled && !queueGiven)
        {
            // The benchmark's depth 64 takes 192 descriptors: a queue of 256 entries, as the C yardstick has.
            options.QueueSize = Kernel.Bench.BenchOptions.DefaultQueueSize;
        }

        return ok;
    }

    private static bool ParseSectorList(ReadOnlySpan<byte> list, ref KernelOptions options)
    {
        ReadOnlySpan<byte> rest = list;
        while (true)
        {
            int comma = rest.IndexOf((byte)',');
            ReadOnlySpan<byte> item = comma < 0 ? rest : rest.Slice(0, comma);
            if (!Numbers.TryParseDecimal(item, out ulong sector))
            {
                Fail("blk.checksum"u8, list, "sector numbers separated by commas");
                return false;
            }

            if (!options.AddChecksumSector(sector))
            {
                Fail("blk.checksum"u8, list, "at most 32 sectors");
                return false;
            }

            if (comma < 0)
            {
                return true;
            }

            rest = rest.Slice(comma + 1);
        }
    }

    private static void Fail(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, string expected)
    {
        Print.Text("cmdline: error: ");
        Print.Ascii(key);
        Print.Text("='");
        Print.Ascii(value);
        Print.Text("': expected ");
        Print.Line(expected);
    }
}
