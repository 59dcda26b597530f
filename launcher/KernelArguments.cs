using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rvc.Launcher;

/// <summary>The kernel command line as the launcher's options build it (kernel/README.md, "Kernel command line"):
/// options separated by spaces, the last of a repeated option winning.</summary>
public static class KernelArguments
{
    /// <summary>The kernel's bounds for <c>blk.queue</c>: a request takes three descriptors and split queues hold at
    /// most 32768 entries (virtio 1.2, 2.7).</summary>
    public const uint MinQueueSize = 4;
    public const uint MaxQueueSize = 32768;

    /// <summary><c>--queue-size N</c>: decimal, <see cref="MinQueueSize"/> to <see cref="MaxQueueSize"/> (what the
    /// kernel accepts for <c>blk.queue</c>, checked here so that a bad value fails before the build and the boot).</summary>
    public static bool TryParseQueueSize(string text, out uint size, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (text.Length == 0 || !text.All(char.IsAsciiDigit)
            || !uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size)
            || size < MinQueueSize || size > MaxQueueSize)
        {
            size = 0;
            error = $"--queue-size expects a number of queue entries from {MinQueueSize} to {MaxQueueSize}, not '{text}'";
            return false;
        }
        return true;
    }

    /// <summary>Whether the kernel will start its shell: the last of <c>shell</c>, <c>shell=on</c> and <c>shell=off</c>
    /// among the words of <paramref name="parts"/> (each part may hold several options).</summary>
    public static bool StartsShell(IEnumerable<string> parts)
    {
        bool shell = false;
        foreach (var option in parts.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (option is "shell" or "shell=on" or "shell=user")
                shell = true;
            else if (option == "shell=off")
                shell = false;
        }
        return shell;
    }
}
