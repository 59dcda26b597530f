namespace Rvc.Bench;

/// <summary>What the kernel's console says about its command line (kernel/Boot/KernelCommandLine.cs, the same words
/// since issue 6): an option it does not know, or a value it refuses.</summary>
public static class KernelConsole
{
    public const string UnknownOption = "cmdline: ignoring unknown option";
    public const string BadValue = "cmdline: error:";

    /// <summary>Every such line of a boot's log, in order.</summary>
    public static IEnumerable<string> RejectedOptions(string log)
        => log.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith(UnknownOption, StringComparison.Ordinal) || l.StartsWith(BadValue, StringComparison.Ordinal));
}
