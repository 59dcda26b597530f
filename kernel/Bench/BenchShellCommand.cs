namespace Kernel.Bench;

using System;
using Kernel.Drivers.Virtio;
using Kernel.Output;
using Kernel.Storage;

/// <summary>
/// The shell's <c>bench [DEV] [NAME=VALUE ...]</c>: the benchmark (<see cref="BenchMode"/>) on DEV (default
/// <c>blk0</c>) with the command line's options, the <c>bench.</c> prefix optional (<c>bench ms=200 sizes=4096 qd=16</c>).
/// It writes all over the disk. Errors print and return to the prompt.
/// </summary>
public static class BenchShellCommand
{
    public const string Usage =
        "usage: bench [DEV] [ms=MS] [n=N] [sizes=512,4096,65536] [qd=1,4,16,64] [ops=read,write] [patterns=seq,rand] [verify=on|off] [seed=N] [features=flush|none|driver]";

    /// <summary>The <c>time</c> CSR's frequency (the device tree's timebase); the shell sets it when it starts. 0:
    /// QEMU virt's 10 MHz.</summary>
    public static ulong Timebase;

    /// <summary>Runs <c>bench</c> with <paramref name="arguments"/>: the command line after the word <c>bench</c>.</summary>
    public static void Run<TWait>(ref BlockDeviceTable<TWait> table, ReadOnlySpan<byte> arguments)
        where TWait : struct, ICompletionWait
    {
        BenchOptions options = default;
        options.Enabled = true;
        int device = -1;
        bool first = true;
        while (true)
        {
            ReadOnlySpan<byte> word = NextWord(ref arguments);
            if (word.IsEmpty)
            {
                break;
            }

            int equals = word.IndexOf((byte)'=');
            if (equals < 0)
            {
                if (!first)
                {
                    Print.Line(Usage);
                    return;
                }

                device = table.Find(word);
                if (device < 0)
                {
                    Print.Text("blk: no device '");
                    Print.Ascii(word);
                    Print.Line("' (try blk list)");
                    return;
                }
            }
            else
            {
                ReadOnlySpan<byte> key = word.Slice(0, equals);
                ReadOnlySpan<byte> value = word.Slice(equals + 1);
                string expected = "";
                if (key.SequenceEqual("bench"u8) || !options.TryApply(key, value, hasValue: true, out expected))
                {
                    Print.Text("bench: bad option '");
                    Print.Ascii(word);
                    Print.Text("'");
                    if (expected.Length != 0)
                    {
                        Print.Text(": expected ");
                        Print.Text(expected);
                    }

                    Print.Line();
                    Print.Line(Usage);
                    return;
                }
            }

            first = false;
        }

        if (device < 0)
        {
            if (table.Count == 0)
            {
                Print.Line("no block devices");
                return;
            }

            device = 0;
        }

        BenchMode.Run(ref table[device], options, Timebase);
    }

    static ReadOnlySpan<byte> NextWord(ref ReadOnlySpan<byte> text)
    {
        int start = 0;
        while (start < text.Length && text[start] == (byte)' ')
        {
            start++;
        }

        text = text.Slice(start);
        int end = text.IndexOf((byte)' ');
        ReadOnlySpan<byte> word = end < 0 ? text : text.Slice(0, end);
        text = end < 0 ? default : text.Slice(end);
        return word;
    }
}
