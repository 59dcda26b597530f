namespace System;

using System.Runtime.CompilerServices;

// Formatting of the primitives (Number.Formatting.cs does the work). TryFormat writes into a caller's span;
// ToString would build a string on the heap, so the compiler refuses its calls with a message that says what
// to write instead (RVC0007).

public readonly partial struct SByte : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatSigned(this, 1, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct Byte : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatUnsigned(this, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct Int16 : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatSigned(this, 2, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct UInt16 : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatUnsigned(this, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct Int32 : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatSigned(this, 4, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct UInt32 : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatUnsigned(this, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct Int64 : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatSigned(this, 8, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct UInt64 : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatUnsigned(this, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct IntPtr : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatSigned(this, IntPtr.Size, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct UIntPtr : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatUnsigned(this, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct Single : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatSingle(this, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct Double : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        Number.TryFormatDouble(this, destination, out charsWritten, format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public extern string ToString(string? format);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct Char : ISpanFormattable
{
    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length == 0)
        {
            charsWritten = 0;
            return false;
        }

        destination[0] = this;
        charsWritten = 1;
        return true;
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    extern string IFormattable.ToString(string? format, IFormatProvider? provider);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}

public readonly partial struct Boolean
{
    /// <summary>"True" or "False", as .NET (bool is not ISpanFormattable there either).</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        ReadOnlySpan<char> text = this ? "True" : "False";
        if (!text.TryCopyTo(destination))
        {
            charsWritten = 0;
            return false;
        }

        charsWritten = text.Length;
        return true;
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    public override extern string ToString();
}
