namespace System;

/// <summary>
/// Standard numeric format strings without a heap, into a caller's span, with .NET's invariant culture
/// (what .NET prints with InvariantGlobalization: "." and ",", "NaN", "Infinity"). Integers: G, D, X, B, N, F,
/// E (R as G); float and double: G and R (shortest round-trip digits, as .NET Core 3.0+), F, N, E, G with a
/// precision. The layout rules (when G switches to E notation, grouping, exponent digits) follow .NET's
/// Number.Formatting. Custom format strings ("0.00") are in Number.CustomFormatting.cs; the culture-dependent C and
/// P throw FormatException.
/// </summary>
internal static unsafe partial class Number
{
    private const int DoubleRoundTripDigits = 17;
    private const int SingleRoundTripDigits = 9;
    private const int DefaultExponentialPrecision = 6;
    private const int DefaultDecimalDigits = 2;
    private const int MaxPrecision = 999_999_999;

    /// <summary>Writes into a span and remembers whether everything fit.</summary>
    internal ref struct SpanWriter
    {
        private readonly Span<char> _destination;
        private int _position;
        private bool _overflow;

        public SpanWriter(Span<char> destination)
        {
            _destination = destination;
            _position = 0;
            _overflow = false;
        }

        public void Append(char c)
        {
            if (_position < _destination.Length)
            {
                _destination[_position++] = c;
            }
            else
            {
                _overflow = true;
            }
        }

        public void Append(char c, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Append(c);
            }
        }

        public void Append(ReadOnlySpan<char> text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Append(text[i]);
            }
        }

        /// <summary>How many characters are written so far.</summary>
        public readonly int Position => _position;

        /// <summary>Inserts <paramref name="c"/> at <paramref name="index"/>, moving what follows.</summary>
        public void Insert(int index, char c)
        {
            if (_position == _destination.Length)
            {
                _overflow = true;
                return;
            }

            for (int i = _position; i > index; i--)
            {
                _destination[i] = _destination[i - 1];
            }

            _destination[index] = c;
            _position++;
        }

        public bool Finish(out int charsWritten)
        {
            charsWritten = _overflow ? 0 : _position;
            return !_overflow;
        }
    }

    /// <summary>
    /// A standard format string: one letter and an optional precision of up to 9 digits; empty means "G".
    /// Anything else is a custom format (Number.CustomFormatting.cs): then the result is '\0'.
    /// </summary>
    internal static char ParseFormatSpecifier(ReadOnlySpan<char> format, out int precision)
    {
        precision = -1;
        if (format.Length == 0)
        {
            return 'G';
        }

        char c = format[0];
        if (!char.IsAsciiLetter(c))
        {
            return '\0';
        }

        if (format.Length == 1)
        {
            return c;
        }

        int value = 0;
        for (int i = 1; i < format.Length; i++)
        {
            uint digit = (uint)(format[i] - '0');
            if (digit > 9)
            {
                return '\0';
            }

            if (value > MaxPrecision / 10 || (value == MaxPrecision / 10 && digit > MaxPrecision % 10))
            {
                throw new FormatException("Precision cannot be larger than 999,999,999.");
            }

            value = (value * 10) + (int)digit;
        }

        precision = value;
        return c;
    }

    private static void ThrowBadFormatSpecifier() => throw new FormatException("Format specifier was invalid.");

    private static void ThrowCultureFormat() =>
        throw new FormatException("The currency (C) and percent (P) formats depend on a culture, which this runtime does not have.");

    // ---- integers ---------------------------------------------------------------------------

    /// <summary>A signed integer of <paramref name="size"/> bytes: X and B show its two's-complement bits.</summary>
    internal static bool TryFormatSigned(long value, int size, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
    {
        ulong mask = size == 8 ? ulong.MaxValue : (1UL << (size * 8)) - 1;
        ulong magnitude = value < 0 ? unchecked(0 - (ulong)value) : (ulong)value;
        return TryFormatInteger(value < 0, magnitude, (ulong)value & mask, destination, out charsWritten, format);
    }

    internal static bool TryFormatUnsigned(ulong value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
        => TryFormatInteger(false, value, value, destination, out charsWritten, format);

    private static bool TryFormatInteger(bool negative, ulong magnitude, ulong bits, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
    {
        char fmt = ParseFormatSpecifier(format, out int precision);
        var writer = new SpanWriter(destination);
        char* digits = stackalloc char[64];
        char* end = digits + 64;
        switch (fmt)
        {
            case 'G':
            case 'g':
            case 'R':
            case 'r':
                if (precision > 0 && fmt is 'G' or 'g')
                {
                    goto default;
                }

                goto case 'D';
            case 'D':
            case 'd':
                {
                    char* start = UInt64ToDecimal(magnitude, end);
                    if (negative)
                    {
                        writer.Append('-');
                    }

                    writer.Append('0', precision - (int)(end - start));
                    writer.Append(new ReadOnlySpan<char>(start, (int)(end - start)));
                    return writer.Finish(out charsWritten);
                }

            case 'X':
            case 'x':
                {
                    char* start = UInt64ToHex(bits, end);
                    if (fmt == 'X')
                    {
                        for (char* p = start; p < end; p++)
                        {
                            if (*p >= 'a')
                            {
                                *p = (char)(*p - 'a' + 'A');
                            }
                        }
                    }

                    writer.Append('0', precision - (int)(end - start));
                    writer.Append(new ReadOnlySpan<char>(start, (int)(end - start)));
                    return writer.Finish(out charsWritten);
                }

            case 'B':
            case 'b':
                {
                    char* start = end;
                    ulong rest = bits;
                    do
                    {
                        *--start = (char)('0' + (int)(rest & 1));
                        rest >>= 1;
                    }
                    while (rest != 0);
                    writer.Append('0', precision - (int)(end - start));
                    writer.Append(new ReadOnlySpan<char>(start, (int)(end - start)));
                    return writer.Finish(out charsWritten);
                }

            default:
                {
                    NumberBuffer number = default;
                    char* start = UInt64ToDecimal(magnitude, end);
                    int count = (int)(end - start);
                    if (magnitude != 0)
                    {
                        for (int i = 0; i < count; i++)
                        {
                            number.Digits[i] = (byte)start[i];
                        }

                        number.DigitsCount = count;
                        number.Scale = count;
                    }

                    number.Digits[number.DigitsCount] = 0;
                    number.IsNegative = negative;
                    if (fmt == '\0')
                    {
                        NumberToStringFormat(ref writer, ref number, format);
                        return writer.Finish(out charsWritten);
                    }

                    NumberToString(ref writer, ref number, fmt, precision);
                    return writer.Finish(out charsWritten);
                }
        }
    }

    // ---- floating point -----------------------------------------------------------------------

    internal static bool TryFormatDouble(double value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
        => TryFormatFloatingPoint(value, isSingle: false, destination, out charsWritten, format);

    internal static bool TryFormatSingle(float value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
        => TryFormatFloatingPoint(value, isSingle: true, destination, out charsWritten, format);

    private static bool TryFormatFloatingPoint(double value, bool isSingle, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
    {
        char fmt = ParseFormatSpecifier(format, out int precision);
        var writer = new SpanWriter(destination);
        if (!double.IsFinite(value))
        {
            writer.Append(double.IsNaN(value) ? "NaN" : value < 0 ? "-Infinity" : "Infinity");
            return writer.Finish(out charsWritten);
        }

        NumberBuffer number = default;
        if (fmt == '\0')
        {
            if (isSingle)
            {
                SingleToNumber((float)value, SinglePrecisionCustomFormat, true, ref number);
            }
            else
            {
                DoubleToNumber(value, DoublePrecisionCustomFormat, true, ref number);
            }

            NumberToStringFormat(ref writer, ref number, format);
            return writer.Finish(out charsWritten);
        }

        int cutoff;
        bool significant;
        switch (fmt)
        {
            case 'R':
            case 'r':
                fmt = 'G';
                precision = -1;
                goto case 'G';
            case 'G':
            case 'g':
                if (precision == 0)
                {
                    precision = -1;
                }

                cutoff = precision;
                significant = true;
                break;
            case 'E':
            case 'e':
                if (precision < 0)
                {
                    precision = DefaultExponentialPrecision;
                }

                cutoff = precision + 1;
                significant = true;
                break;
            case 'F':
            case 'f':
            case 'N':
            case 'n':
                if (precision < 0)
                {
                    precision = DefaultDecimalDigits;
                }

                cutoff = precision;
                significant = false;
                break;
            case 'C':
            case 'c':
            case 'P':
            case 'p':
                ThrowCultureFormat();
                charsWritten = 0;
                return false;
            default:
                ThrowBadFormatSpecifier();
                charsWritten = 0;
                return false;
        }

        if (isSingle)
        {
            SingleToNumber((float)value, cutoff, significant, ref number);
        }
        else
        {
            DoubleToNumber(value, cutoff, significant, ref number);
        }

        if (precision == -1)
        {
            // The shortest round-trip digits: G switches to E notation only past the round-trip precision.
            int roundTrip = isSingle ? SingleRoundTripDigits : DoubleRoundTripDigits;
            precision = number.DigitsCount > roundTrip ? number.DigitsCount : roundTrip;
        }

        NumberToString(ref writer, ref number, fmt, precision);
        return writer.Finish(out charsWritten);
    }

    // ---- the layouts (.NET's NumberToString for F, N, E, G) ------------------------------------

    private static void NumberToString(ref SpanWriter writer, ref NumberBuffer number, char fmt, int precision)
    {
        switch (fmt)
        {
            case 'F':
            case 'f':
            case 'N':
            case 'n':
                {
                    if (precision < 0)
                    {
                        precision = DefaultDecimalDigits;
                    }

                    RoundNumber(ref number, number.Scale + precision);
                    if (number.IsNegative)
                    {
                        writer.Append('-');
                    }

                    FormatFixed(ref writer, ref number, precision, groupDigits: fmt is 'N' or 'n');
                    return;
                }

            case 'E':
            case 'e':
                {
                    if (precision < 0)
                    {
                        precision = DefaultExponentialPrecision;
                    }

                    precision++;
                    RoundNumber(ref number, precision);
                    if (number.IsNegative)
                    {
                        writer.Append('-');
                    }

                    FormatScientific(ref writer, ref number, precision, fmt);
                    return;
                }

            case 'G':
            case 'g':
                {
                    if (precision < 1)
                    {
                        precision = number.DigitsCount;
                    }

                    RoundNumber(ref number, precision);
                    if (number.IsNegative)
                    {
                        writer.Append('-');
                    }

                    FormatGeneral(ref writer, ref number, precision, fmt == 'G' ? 'E' : 'e');
                    return;
                }

            case 'C':
            case 'c':
            case 'P':
            case 'p':
                ThrowCultureFormat();
                return;
            default:
                ThrowBadFormatSpecifier();
                return;
        }
    }

    /// <summary>Keeps the first <paramref name="position"/> digits; integer digits round half up, floating-point
    /// digits were correctly rounded where they were generated (unless <paramref name="roundHalfUp"/>: a custom
    /// format rounds them again, half up). Trailing zeros go.</summary>
    private static void RoundNumber(ref NumberBuffer number, int position, bool roundHalfUp = false)
    {
        int i = 0;
        while (i < position && i < number.DigitsCount)
        {
            i++;
        }

        if (i == position && i < number.DigitsCount && (roundHalfUp || !number.IsFloatingPoint) && number.Digits[i] >= '5')
        {
            while (i > 0 && number.Digits[i - 1] == '9')
            {
                i--;
            }

            if (i > 0)
            {
                number.Digits[i - 1]++;
            }
            else
            {
                number.Scale++;
                number.Digits[0] = (byte)'1';
                i = 1;
            }
        }
        else
        {
            while (i > 0 && number.Digits[i - 1] == '0')
            {
                i--;
            }
        }

        if (i == 0)
        {
            if (!number.IsFloatingPoint)
            {
                number.IsNegative = false;
            }

            number.Scale = 0;
        }

        number.Digits[i] = 0;
        number.DigitsCount = i;
    }

    private static char NextDigit(ref NumberBuffer number, ref int index) =>
        index < number.DigitsCount ? (char)number.Digits[index++] : '0';

    private static void FormatFixed(ref SpanWriter writer, ref NumberBuffer number, int decimals, bool groupDigits)
    {
        int index = 0;
        int position = number.Scale;
        if (position > 0)
        {
            for (int i = 0; i < position; i++)
            {
                if (groupDigits && i > 0 && (position - i) % 3 == 0)
                {
                    writer.Append(',');
                }

                writer.Append(NextDigit(ref number, ref index));
            }
        }
        else
        {
            writer.Append('0');
        }

        if (decimals > 0)
        {
            writer.Append('.');
            if (position < 0)
            {
                int zeros = -position < decimals ? -position : decimals;
                writer.Append('0', zeros);
                decimals -= zeros;
            }

            while (decimals-- > 0)
            {
                writer.Append(NextDigit(ref number, ref index));
            }
        }
    }

    private static void FormatScientific(ref SpanWriter writer, ref NumberBuffer number, int digits, char exponentChar)
    {
        int index = 0;
        writer.Append(NextDigit(ref number, ref index));
        if (digits != 1)
        {
            writer.Append('.');
        }

        while (--digits > 0)
        {
            writer.Append(NextDigit(ref number, ref index));
        }

        int exponent = number.DigitsCount == 0 ? 0 : number.Scale - 1;
        FormatExponent(ref writer, exponent, exponentChar, 3);
    }

    private static void FormatGeneral(ref SpanWriter writer, ref NumberBuffer number, int maxDigits, char exponentChar)
    {
        int position = number.Scale;
        bool scientific = false;
        if (position > maxDigits || position < -3)
        {
            position = 1;
            scientific = true;
        }

        int index = 0;
        if (position > 0)
        {
            do
            {
                writer.Append(NextDigit(ref number, ref index));
            }
            while (--position > 0);
        }
        else
        {
            writer.Append('0');
        }

        if (index < number.DigitsCount || position < 0)
        {
            writer.Append('.');
            while (position < 0)
            {
                writer.Append('0');
                position++;
            }

            while (index < number.DigitsCount)
            {
                writer.Append((char)number.Digits[index++]);
            }
        }

        if (scientific)
        {
            FormatExponent(ref writer, number.Scale - 1, exponentChar, 2);
        }
    }

    private static void FormatExponent(ref SpanWriter writer, int exponent, char exponentChar, int minDigits)
    {
        writer.Append(exponentChar);
        if (exponent < 0)
        {
            writer.Append('-');
            exponent = -exponent;
        }
        else
        {
            writer.Append('+');
        }

        char* digits = stackalloc char[12];
        char* end = digits + 12;
        char* start = UInt64ToDecimal((ulong)exponent, end);
        writer.Append('0', minDigits - (int)(end - start));
        writer.Append(new ReadOnlySpan<char>(start, (int)(end - start)));
    }
}
