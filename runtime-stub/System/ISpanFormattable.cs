namespace System;

/// <summary>Formatting into a caller's span, as in .NET: what interpolated strings given to
/// <c>Console.Write</c> or <c>TryWrite</c> call for each hole.</summary>
public interface ISpanFormattable : IFormattable
{
    bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider);
}
