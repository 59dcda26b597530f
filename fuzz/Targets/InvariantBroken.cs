using System.Runtime.CompilerServices;
using System.Text;

namespace Kernel.Fuzz;

/// <summary>A target found one of the invariants it checks broken: the fuzzer counts it as a crash (an uncaught
/// exception), the smoke tests as a failure, and the message says which invariant and where.</summary>
public sealed class InvariantBroken(string message) : Exception(message)
{
    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvariantBroken(message);
        }
    }

    /// <summary>The same, with the message an interpolated string that is formatted only when the invariant is
    /// broken (as <c>Debug.Assert</c> does): the targets check thousands of invariants per input, and formatting each
    /// message in advance took a tenth of the driver target's time.</summary>
    public static void Check(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref LazyMessage message)
    {
        if (!condition)
        {
            throw new InvariantBroken(message.ToString());
        }
    }

    /// <summary>The interpolated message of <see cref="Check(bool, ref LazyMessage)"/>: it collects its parts only when
    /// the condition is false.</summary>
    [InterpolatedStringHandler]
    public ref struct LazyMessage
    {
        readonly StringBuilder? _text;

        public LazyMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
        {
            _text = condition ? null : new StringBuilder(literalLength + (formattedCount * 8));
            shouldAppend = !condition;
        }

        public readonly void AppendLiteral(string value) => _text!.Append(value);

        public readonly void AppendFormatted<T>(T value) => _text!.Append(value);

        public readonly void AppendFormatted<T>(T value, string? format) => _text!.Append(
            value is IFormattable formattable ? formattable.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString());

        public override readonly string ToString() => _text?.ToString() ?? "";
    }
}
