namespace System.Runtime.CompilerServices;

/// <summary>
/// What Roslyn builds <c>$"..."</c> into when the result is a <c>string</c>. A string built at run time needs the
/// heap, so every member is refused by the compiler (RVC0007) with a message that points at what works without
/// one: <c>Console.Write($"...")</c>, <c>Console.WriteLine($"...")</c>, or <c>span.TryWrite($"...", out int n)</c>.
/// Declared so that the error names the interpolated string rather than a missing <c>string.Format</c>.
/// </summary>
[InterpolatedStringHandler]
public ref struct DefaultInterpolatedStringHandler
{
    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern DefaultInterpolatedStringHandler(int literalLength, int formattedCount);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern void AppendLiteral(string value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern void AppendFormatted<T>(T value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern void AppendFormatted<T>(T value, string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern void AppendFormatted<T>(T value, int alignment);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern void AppendFormatted<T>(T value, int alignment, string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern void AppendFormatted(ReadOnlySpan<char> value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern void AppendFormatted(string? value);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToStringAndClear();
}
