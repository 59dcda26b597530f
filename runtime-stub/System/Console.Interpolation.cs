namespace System;

using System.Runtime.CompilerServices;

/// <summary>
/// <c>Console.Write($"...")</c> and <c>Console.WriteLine($"...")</c> without a heap: Roslyn builds the
/// interpolated string into a <see cref="WriteInterpolatedStringHandler"/> on the caller's stack (C#'s
/// handler pattern), which formats each hole with <see cref="ISpanFormattable.TryFormat"/> into a 256-character
/// buffer; the call writes it out. The output is what .NET prints for the same string with the invariant culture.
/// Every hole is evaluated before anything is written, as in .NET, unless a line outgrows the buffer: then
/// the part formatted so far is written early.
/// </summary>
public static unsafe partial class Console
{
    public static void Write(ref WriteInterpolatedStringHandler handler) => handler.Flush(newLine: false);

    public static void WriteLine(ref WriteInterpolatedStringHandler handler) => handler.Flush(newLine: true);

    public static void Write(float value) => WriteFormatted(value, newLine: false);

    public static void WriteLine(float value) => WriteFormatted(value, newLine: true);

    public static void Write(double value) => WriteFormatted(value, newLine: false);

    public static void WriteLine(double value) => WriteFormatted(value, newLine: true);

    // An enum prints as its name, its [Flags] names or its number, as .NET's Write(object) prints it: C# prefers
    // these overloads (an identity conversion) to boxing, in .NET's library they do not exist.
    public static void Write<TEnum>(TEnum value)
        where TEnum : struct, Enum => WriteEnum(value, newLine: false);

    public static void WriteLine<TEnum>(TEnum value)
        where TEnum : struct, Enum => WriteEnum(value, newLine: true);

    private static void WriteEnum<TEnum>(TEnum value, bool newLine)
        where TEnum : struct, Enum
    {
        char* buffer = stackalloc char[64];
        if (Enum.TryFormat(value, new Span<char>(buffer, 64), out int written))
        {
            WriteUtf16(buffer, written, newLine);
            return;
        }

        // Many [Flags] names.
        char* large = stackalloc char[1024];
        if (!Enum.TryFormat(value, new Span<char>(large, 1024), out written))
        {
            throw new FormatException("A formatted value is longer than 1024 characters: print it in parts.");
        }

        WriteUtf16(large, written, newLine);
    }

    private static void WriteFormatted<T>(T value, bool newLine)
        where T : ISpanFormattable
    {
        char* buffer = stackalloc char[64];
        value.TryFormat(new Span<char>(buffer, 64), out int written, default, null);
        WriteUtf16(buffer, written, newLine);
    }

    /// <summary>The interpolated-string handler of <see cref="Write(ref WriteInterpolatedStringHandler)"/>.</summary>
    [InterpolatedStringHandler]
    public ref struct WriteInterpolatedStringHandler
    {
        private const int Capacity = 256;

        // A formatted hole that does not fit in Capacity characters is formatted here, on the stack.
        private const int LargeCapacity = 1024;

        private CharBuffer _chars;
        private int _length;

        public WriteInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _length = 0;
        }

        public void AppendLiteral(string value) => AppendChars(value, 0);

        public void AppendFormatted(string? value) => AppendChars(value, 0);

        public void AppendFormatted(string? value, int alignment = 0, string? format = null) => AppendChars(value, alignment);

        public void AppendFormatted(ReadOnlySpan<char> value) => AppendChars(value, 0);

        public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string? format = null) => AppendChars(value, alignment);

        public void AppendFormatted(bool value) => AppendChars(value ? "True" : "False", 0);

        public void AppendFormatted(bool value, int alignment) => AppendChars(value ? "True" : "False", alignment);

        public void AppendFormatted<T>(T value)
            where T : ISpanFormattable => AppendFormatted(value, 0, null);

        public void AppendFormatted<T>(T value, string? format)
            where T : ISpanFormattable => AppendFormatted(value, 0, format);

        public void AppendFormatted<T>(T value, int alignment)
            where T : ISpanFormattable => AppendFormatted(value, alignment, null);

        public void AppendFormatted<T>(T value, int alignment, string? format)
            where T : ISpanFormattable
        {
            char* small = stackalloc char[64];
            if (value.TryFormat(new Span<char>(small, 64), out int written, format, null))
            {
                AppendChars(new ReadOnlySpan<char>(small, written), alignment);
                return;
            }

            char* large = stackalloc char[LargeCapacity];
            if (!value.TryFormat(new Span<char>(large, LargeCapacity), out written, format, null))
            {
                throw new FormatException("A formatted value is longer than 1024 characters: print it in parts.");
            }

            AppendChars(new ReadOnlySpan<char>(large, written), alignment);
        }

        private void AppendChars(ReadOnlySpan<char> text, int alignment)
        {
            int width = alignment < 0 ? -alignment : alignment;
            int padding = width - text.Length;
            if (alignment > 0)
            {
                AppendSpaces(padding);
            }

            for (int i = 0; i < text.Length; i++)
            {
                AppendChar(text[i]);
            }

            if (alignment < 0)
            {
                AppendSpaces(padding);
            }
        }

        private void AppendSpaces(int count)
        {
            for (int i = 0; i < count; i++)
            {
                AppendChar(' ');
            }
        }

        private void AppendChar(char c)
        {
            if (_length == Capacity)
            {
                Flush(newLine: false);
            }

            Span<char> chars = _chars;
            chars[_length++] = c;
        }

        internal void Flush(bool newLine)
        {
            Span<char> chars = _chars;
            fixed (char* p = chars)
            {
                WriteUtf16(p, _length, newLine);
            }

            _length = 0;
        }

        [InlineArray(Capacity)]
        private struct CharBuffer
        {
            private char _element;
        }
    }
}
