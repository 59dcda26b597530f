namespace System.Text.Unicode;

using System.Runtime.CompilerServices;

/// <summary>
/// <c>Utf8.TryWrite(bytes, $"...", out int bytesWritten)</c>, as in .NET: the interpolated string formatted
/// straight into a caller's byte span as UTF-8 (each hole formatted as UTF-16 on the stack, then encoded;
/// an unpaired surrogate becomes U+FFFD, as .NET's encoder does). False (and 0 bytes) when it does not fit.
/// </summary>
public static unsafe class Utf8
{
    public static bool TryWrite(Span<byte> destination, [InterpolatedStringHandlerArgument(nameof(destination))] ref TryWriteInterpolatedStringHandler handler, out int bytesWritten)
    {
        if (handler._success)
        {
            bytesWritten = handler._position;
            return true;
        }

        bytesWritten = 0;
        return false;
    }

    [InterpolatedStringHandler]
    public ref struct TryWriteInterpolatedStringHandler
    {
        private readonly Span<byte> _destination;
        internal int _position;
        internal bool _success;

        public TryWriteInterpolatedStringHandler(int literalLength, int formattedCount, Span<byte> destination, out bool shouldAppend)
        {
            _destination = destination;
            _position = 0;
            _success = shouldAppend = destination.Length >= literalLength;
        }

        public bool AppendLiteral(string value) => AppendChars(value, 0);

        public bool AppendFormatted(string? value) => AppendChars(value, 0);

        public bool AppendFormatted(string? value, int alignment = 0, string? format = null) => AppendChars(value, alignment);

        public bool AppendFormatted(ReadOnlySpan<char> value) => AppendChars(value, 0);

        public bool AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string? format = null) => AppendChars(value, alignment);

        public bool AppendFormatted(bool value) => AppendChars(value ? "True" : "False", 0);

        public bool AppendFormatted<T>(T value)
            where T : ISpanFormattable => AppendFormatted(value, 0, null);

        public bool AppendFormatted<T>(T value, string? format)
            where T : ISpanFormattable => AppendFormatted(value, 0, format);

        public bool AppendFormatted<T>(T value, int alignment)
            where T : ISpanFormattable => AppendFormatted(value, alignment, null);

        public bool AppendFormatted<T>(T value, int alignment, string? format)
            where T : ISpanFormattable
        {
            char* small = stackalloc char[64];
            if (value.TryFormat(new Span<char>(small, 64), out int written, format, null))
            {
                return AppendChars(new ReadOnlySpan<char>(small, written), alignment);
            }

            char* large = stackalloc char[1024];
            if (!value.TryFormat(new Span<char>(large, 1024), out written, format, null))
            {
                throw new FormatException("A formatted value is longer than 1024 characters: print it in parts.");
            }

            return AppendChars(new ReadOnlySpan<char>(large, written), alignment);
        }

        private bool AppendChars(ReadOnlySpan<char> text, int alignment)
        {
            // Alignment counts characters, as in .NET; the padding is ASCII spaces.
            int width = alignment < 0 ? -alignment : alignment;
            int padding = width - text.Length;
            if (alignment > 0 && !AppendSpaces(padding))
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                uint c = text[i];
                if (c - 0xD800u <= 0x3FFu && i + 1 < text.Length && text[i + 1] - 0xDC00u <= 0x3FFu)
                {
                    uint codePoint = 0x10000u + ((c - 0xD800u) << 10) + (text[i + 1] - 0xDC00u);
                    i++;
                    if (!Put(4, (byte)(0xF0u | (codePoint >> 18)), (byte)(0x80u | ((codePoint >> 12) & 0x3Fu)), (byte)(0x80u | ((codePoint >> 6) & 0x3Fu)), (byte)(0x80u | (codePoint & 0x3Fu))))
                    {
                        return false;
                    }

                    continue;
                }

                if (c - 0xD800u <= 0x7FFu)
                {
                    c = 0xFFFD;
                }

                bool ok = c < 0x80u ? Put(1, (byte)c, 0, 0, 0)
                    : c < 0x800u ? Put(2, (byte)(0xC0u | (c >> 6)), (byte)(0x80u | (c & 0x3Fu)), 0, 0)
                    : Put(3, (byte)(0xE0u | (c >> 12)), (byte)(0x80u | ((c >> 6) & 0x3Fu)), (byte)(0x80u | (c & 0x3Fu)), 0);
                if (!ok)
                {
                    return false;
                }
            }

            return alignment >= 0 || AppendSpaces(padding);
        }

        private bool AppendSpaces(int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (!Put(1, (byte)' ', 0, 0, 0))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Put(int count, byte b0, byte b1, byte b2, byte b3)
        {
            if (_destination.Length - _position < count)
            {
                _success = false;
                return false;
            }

            _destination[_position] = b0;
            if (count > 1)
            {
                _destination[_position + 1] = b1;
            }

            if (count > 2)
            {
                _destination[_position + 2] = b2;
            }

            if (count > 3)
            {
                _destination[_position + 3] = b3;
            }

            _position += count;
            return true;
        }
    }
}
