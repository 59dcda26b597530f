namespace System;

using System.Runtime.CompilerServices;

/// <summary>
/// <c>destination.TryWrite($"...", out int charsWritten)</c>, as in .NET: Roslyn builds the interpolated string
/// straight into the caller's span through <see cref="TryWriteInterpolatedStringHandler"/>; each hole is
/// formatted in place with <see cref="ISpanFormattable.TryFormat"/>. False (and 0 characters) when it does not fit.
/// </summary>
public static partial class MemoryExtensions
{
    public static bool TryWrite(this Span<char> destination, [InterpolatedStringHandlerArgument(nameof(destination))] ref TryWriteInterpolatedStringHandler handler, out int charsWritten)
    {
        if (handler._success)
        {
            charsWritten = handler._position;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    public static bool TryWrite(this Span<char> destination, IFormatProvider? provider, [InterpolatedStringHandlerArgument(nameof(destination), nameof(provider))] ref TryWriteInterpolatedStringHandler handler, out int charsWritten) =>
        TryWrite(destination, ref handler, out charsWritten);

    [InterpolatedStringHandler]
    public ref struct TryWriteInterpolatedStringHandler
    {
        private readonly Span<char> _destination;
        internal int _position;
        internal bool _success;

        public TryWriteInterpolatedStringHandler(int literalLength, int formattedCount, Span<char> destination, out bool shouldAppend)
        {
            _destination = destination;
            _position = 0;
            _success = shouldAppend = destination.Length >= literalLength;
        }

        public TryWriteInterpolatedStringHandler(int literalLength, int formattedCount, Span<char> destination, IFormatProvider? provider, out bool shouldAppend)
            : this(literalLength, formattedCount, destination, out shouldAppend)
        {
        }

        public bool AppendLiteral(string value) => AppendChars(value, 0);

        public bool AppendFormatted(string? value) => AppendChars(value, 0);

        public bool AppendFormatted(string? value, int alignment = 0, string? format = null) => AppendChars(value, alignment);

        public bool AppendFormatted(ReadOnlySpan<char> value) => AppendChars(value, 0);

        public bool AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string? format = null) => AppendChars(value, alignment);

        public bool AppendFormatted(bool value) => AppendChars(value ? "True" : "False", 0);

        public bool AppendFormatted(bool value, int alignment) => AppendChars(value ? "True" : "False", alignment);

        public bool AppendFormatted<T>(T value)
            where T : ISpanFormattable => AppendFormatted(value, 0, null);

        public bool AppendFormatted<T>(T value, string? format)
            where T : ISpanFormattable => AppendFormatted(value, 0, format);

        public bool AppendFormatted<T>(T value, int alignment)
            where T : ISpanFormattable => AppendFormatted(value, alignment, null);

        public bool AppendFormatted<T>(T value, int alignment, string? format)
            where T : ISpanFormattable
        {
            int start = _position;
            if (!value.TryFormat(_destination.Slice(_position), out int written, format, null))
            {
                return Fail();
            }

            _position += written;
            return Align(start, alignment);
        }

        private bool AppendChars(ReadOnlySpan<char> text, int alignment)
        {
            int start = _position;
            if (!text.TryCopyTo(_destination.Slice(_position)))
            {
                return Fail();
            }

            _position += text.Length;
            return Align(start, alignment);
        }

        /// <summary>Pads what was written from <paramref name="start"/> with spaces: on the left for a positive
        /// alignment (moving the text right), on the right for a negative one.</summary>
        private bool Align(int start, int alignment)
        {
            int width = alignment < 0 ? -alignment : alignment;
            int length = _position - start;
            int padding = width - length;
            if (padding <= 0)
            {
                return true;
            }

            if (_destination.Length - _position < padding)
            {
                return Fail();
            }

            if (alignment > 0)
            {
                for (int i = length - 1; i >= 0; i--)
                {
                    _destination[start + padding + i] = _destination[start + i];
                }

                _destination.Slice(start, padding).Fill(' ');
            }
            else
            {
                _destination.Slice(_position, padding).Fill(' ');
            }

            _position += padding;
            return true;
        }

        private bool Fail()
        {
            _success = false;
            return false;
        }
    }
}
