using System.Globalization;

namespace Rvc.Launcher;

/// <summary>
/// A small parser: positional arguments and <c>--name value</c> / <c>--name=value</c> options. Anything else
/// that starts with <c>-</c> is an error. After <c>--</c> every argument is positional, or, for a parser made with
/// <c>passThrough</c> (the boot commands), goes unchanged to <see cref="PassThrough"/> (QEMU's own arguments).
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string?>> _options = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    /// <summary>With <c>passThrough</c>: the arguments after <c>--</c>, in order.</summary>
    public List<string> PassThrough { get; } = [];

    /// <param name="valueOptions">options that take a value (e.g. <c>--arch</c>, <c>-o</c>)</param>
    /// <param name="flags">options without a value (e.g. <c>--gdb</c>)</param>
    /// <param name="repeatable">value options that may be given more than once (e.g. <c>--disk</c>); any other option given twice is an error</param>
    public CommandLine(IEnumerable<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags,
                       IReadOnlyCollection<string>? repeatable = null, bool passThrough = false)
    {
        using var e = args.GetEnumerator();
        bool onlyPositional = false;
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (onlyPositional && passThrough)
            {
                PassThrough.Add(arg);
                continue;
            }
            if (onlyPositional || arg == "-" || !arg.StartsWith('-'))
            {
                Positional.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                onlyPositional = true;
                continue;
            }
            string name = arg;
            string? value = null;
            int eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            if (valueOptions.Contains(name))
            {
                if (value is null)
                {
                    if (!e.MoveNext())
                        throw new LauncherException($"{name} needs a value");
                    value = e.Current;
                }
            }
            else if (flags.Contains(name))
            {
                if (value is not null)
                    throw new LauncherException($"{name} takes no value");
            }
            else
            {
                throw new LauncherException($"unknown option '{name}' (see ./run.sh --help)");
            }
            if (_options.TryGetValue(name, out var values))
            {
                if (repeatable is null || !repeatable.Contains(name))
                    throw new LauncherException($"{name} given twice");
                values.Add(value);
            }
            else
            {
                _options[name] = [value];
            }
        }
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>The value of an option given once (for a repeatable one: the last).</summary>
    public string? Value(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    /// <summary>Every value of a repeatable option, in command-line order.</summary>
    public IReadOnlyList<string> Values(string name)
        => _options.TryGetValue(name, out var v) ? v.Select(x => x ?? "").ToList() : [];

    public string Required(string name, string what) => Value(name) ?? throw new LauncherException($"missing {name} {what}");

    /// <summary><c>--timeout SECONDS</c>: null for 0 (no limit).</summary>
    public TimeSpan? Timeout(TimeSpan? defaultValue)
    {
        var text = Value("--timeout");
        if (text is null)
            return defaultValue;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || double.IsNaN(seconds) || double.IsInfinity(seconds))
            throw new LauncherException($"--timeout expects a number of seconds (0 for no limit), not '{text}'");
        return seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
    }
}
