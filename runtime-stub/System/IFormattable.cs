namespace System;

/// <summary>Formatting into a new string, as in .NET: it needs the heap, so the implementations in this library
/// are refused by the compiler; <see cref="ISpanFormattable.TryFormat"/> is the way to format here.</summary>
public interface IFormattable
{
    string ToString(string? format, IFormatProvider? formatProvider);
}
