namespace System;

/// <summary>
/// Custom numeric format strings ("00", "#,##0.00", "0.0E+0", "0;(0);zero") with .NET's invariant culture, for
/// integers and floating point, into a caller's span. The rules are .NET's (the "Custom numeric format strings"
/// page of its documentation, checked against CoreCLR by tests/Corpus/format_custom.cs):
/// <list type="bullet">
/// <item>Up to three sections separated by <c>;</c>: positive (or every value), negative (printed without its
/// minus sign), zero. A missing or empty section falls back to the first. A value that rounds to zero takes the
/// zero section.</item>
/// <item><c>0</c> prints a digit or a zero, <c>#</c> a digit if there is one; integer digits beyond the
/// placeholders all print at the first one. The first <c>.</c> places the decimal point.</item>
/// <item><c>,</c> between integer placeholders groups by thousands; <c>,</c> right before the decimal point (or the
/// end of the integer placeholders) divides by 1000 each. <c>%</c> multiplies by 100, <c>‰</c> by 1000.</item>
/// <item><c>E0</c>, <c>E+0</c>, <c>E-0</c> (or <c>e</c>): scientific notation, the exponent with at least as many
/// digits as zeros, <c>+</c> to always show its sign.</item>
/// <item><c>'...'</c> and <c>"..."</c> are literal text, <c>\</c> makes the next character literal, anything else
/// prints as it is.</item>
/// </list>
/// A double keeps 15 significant digits and a float 7 before these rules round again, half up, as .NET does.
/// </summary>
internal static unsafe partial class Number
{
    internal const int DoublePrecisionCustomFormat = 15;
    internal const int SinglePrecisionCustomFormat = 7;

    /// <summary>The layout of one section, from its placeholders.</summary>
    private struct CustomSection
    {
        public int DigitCount;      // '0' and '#' placeholders
        public int DecimalPos;      // placeholders before the decimal point
        public int FirstZero;       // index of the first '0' placeholder
        public int LastZero;        // index after the last '0' placeholder
        public int ScaleAdjust;     // powers of ten from %, ‰ and scaling commas
        public bool GroupDigits;
        public bool Scientific;
    }

    /// <summary>Formats <paramref name="number"/> (its digits, scale and sign) with the custom format
    /// <paramref name="format"/>.</summary>
    private static void NumberToStringFormat(ref SpanWriter writer, ref NumberBuffer number, ReadOnlySpan<char> format)
    {
        bool isZero = number.DigitsCount == 0;
        int section = FindSection(format, isZero ? 2 : number.IsNegative ? 1 : 0);
        CustomSection layout;
        while (true)
        {
            layout = ParseSection(format, section);
            if (isZero)
            {
                number.Scale = 0;
                break;
            }

            number.Scale += layout.ScaleAdjust;
            int position = layout.Scientific ? layout.DigitCount : number.Scale + layout.DigitCount - layout.DecimalPos;
            RoundNumber(ref number, position, roundHalfUp: true);
            if (number.DigitsCount != 0)
            {
                break;
            }

            // Rounded to zero: the zero section, if the format has one.
            isZero = true;
            int zeroSection = FindSection(format, 2);
            if (zeroSection != section)
            {
                section = zeroSection;
                number.Scale = 0;
                continue;
            }
        }

        int firstZero = layout.FirstZero < layout.DecimalPos ? layout.DecimalPos - layout.FirstZero : 0;
        int lastZero = layout.LastZero > layout.DecimalPos ? layout.DecimalPos - layout.LastZero : 0;
        int digitPos;
        int adjust;
        if (layout.Scientific)
        {
            digitPos = layout.DecimalPos;
            adjust = 0;
        }
        else
        {
            digitPos = number.Scale > layout.DecimalPos ? number.Scale : layout.DecimalPos;
            adjust = number.Scale - layout.DecimalPos;
        }

        // The minus sign of a value that is not zero leads; that of a negative zero (a double) only if anything
        // else prints: the section is written to a scratch writer first so that it can go in front.
        bool negativeFirst = number.IsNegative && section == 0 && number.Scale != 0;
        if (negativeFirst)
        {
            writer.Append('-');
        }

        int start = writer.Position;
        int next = 0;
        bool decimalWritten = false;
        for (int i = section; i < format.Length; i++)
        {
            char c = format[i];
            if (c == ';')
            {
                break;
            }

            switch (c)
            {
                case '#':
                case '0':
                    {
                        while (adjust > 0)
                        {
                            AppendCustomDigit(ref writer, NextCustomDigit(ref number, ref next, '0'), digitPos, layout.GroupDigits);
                            digitPos--;
                            adjust--;
                        }

                        char digit;
                        if (adjust < 0)
                        {
                            adjust++;
                            digit = digitPos <= firstZero ? '0' : '\0';
                        }
                        else
                        {
                            digit = NextCustomDigit(ref number, ref next, digitPos > lastZero ? '0' : '\0');
                        }

                        if (digit != '\0')
                        {
                            AppendCustomDigit(ref writer, digit, digitPos, layout.GroupDigits);
                        }

                        digitPos--;
                        break;
                    }

                case '.':
                    if (digitPos == 0 && !decimalWritten && (lastZero < 0 || (layout.DecimalPos < layout.DigitCount && next < number.DigitsCount)))
                    {
                        writer.Append('.');
                        decimalWritten = true;
                    }

                    break;
                case ',':
                    break;
                case '\'':
                case '"':
                    while (++i < format.Length && format[i] != c)
                    {
                        writer.Append(format[i]);
                    }

                    break;
                case '\\':
                    if (++i < format.Length)
                    {
                        writer.Append(format[i]);
                    }

                    break;
                case 'E':
                case 'e':
                    {
                        int zeros = ExponentZeros(format, i, out int end, out bool plus);
                        if (zeros == 0)
                        {
                            writer.Append(c);
                            break;
                        }

                        int exponent = number.DigitsCount == 0 ? 0 : number.Scale - layout.DecimalPos;
                        writer.Append(c);
                        if (exponent < 0)
                        {
                            writer.Append('-');
                        }
                        else if (plus)
                        {
                            writer.Append('+');
                        }

                        char* digits = stackalloc char[16];
                        char* last = digits + 16;
                        char* first = UInt64ToDecimal((ulong)(exponent < 0 ? -exponent : exponent), last);
                        writer.Append('0', zeros - (int)(last - first));
                        writer.Append(new ReadOnlySpan<char>(first, (int)(last - first)));
                        i = end - 1;
                        break;
                    }

                default:
                    writer.Append(c);
                    break;
            }
        }

        if (number.IsNegative && section == 0 && !negativeFirst && writer.Position > start)
        {
            writer.Insert(start, '-');
        }
    }

    private static char NextCustomDigit(ref NumberBuffer number, ref int next, char otherwise) =>
        next < number.DigitsCount ? (char)number.Digits[next++] : otherwise;

    /// <summary>A digit at <paramref name="digitPos"/> (1 is the units): a group separator follows when the
    /// digits still to come before the decimal point are a multiple of three.</summary>
    private static void AppendCustomDigit(ref SpanWriter writer, char digit, int digitPos, bool groupDigits)
    {
        writer.Append(digit);
        if (groupDigits && digitPos > 1 && (digitPos - 1) % 3 == 0)
        {
            writer.Append(',');
        }
    }

    /// <summary>Where section <paramref name="index"/> starts; the first section's start (0) if there is no
    /// such section or it is empty.</summary>
    private static int FindSection(ReadOnlySpan<char> format, int index)
    {
        if (index == 0)
        {
            return 0;
        }

        int found = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c is '\'' or '"')
            {
                while (++i < format.Length && format[i] != c)
                {
                }
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == ';' && ++found == index)
            {
                return i + 1 < format.Length && format[i + 1] != ';' ? i + 1 : 0;
            }
        }

        return 0;
    }

    private static CustomSection ParseSection(ReadOnlySpan<char> format, int start)
    {
        var layout = new CustomSection { DecimalPos = -1, FirstZero = int.MaxValue };
        int groupPos = -1;
        int scalingCommas = 0;
        for (int i = start; i < format.Length; i++)
        {
            char c = format[i];
            if (c == ';')
            {
                break;
            }

            switch (c)
            {
                case '#':
                    layout.DigitCount++;
                    break;
                case '0':
                    if (layout.FirstZero == int.MaxValue)
                    {
                        layout.FirstZero = layout.DigitCount;
                    }

                    layout.DigitCount++;
                    layout.LastZero = layout.DigitCount;
                    break;
                case '.':
                    if (layout.DecimalPos < 0)
                    {
                        layout.DecimalPos = layout.DigitCount;
                    }

                    break;
                case ',':
                    // Commas in a row after the same placeholder scale (if the decimal point follows); commas
                    // between placeholders group.
                    if (layout.DigitCount > 0 && layout.DecimalPos < 0)
                    {
                        if (groupPos >= 0)
                        {
                            if (groupPos == layout.DigitCount)
                            {
                                scalingCommas++;
                                break;
                            }

                            layout.GroupDigits = true;
                        }

                        groupPos = layout.DigitCount;
                        scalingCommas = 1;
                    }

                    break;
                case '%':
                    layout.ScaleAdjust += 2;
                    break;
                case '\u2030':
                    layout.ScaleAdjust += 3;
                    break;
                case '\'':
                case '"':
                    while (++i < format.Length && format[i] != c)
                    {
                    }

                    break;
                case '\\':
                    i++;
                    break;
                case 'E':
                case 'e':
                    if (ExponentZeros(format, i, out int end, out _) > 0)
                    {
                        layout.Scientific = true;
                        i = end - 1;
                    }

                    break;
            }
        }

        if (layout.DecimalPos < 0)
        {
            layout.DecimalPos = layout.DigitCount;
        }

        if (groupPos >= 0)
        {
            if (groupPos == layout.DecimalPos)
            {
                layout.ScaleAdjust -= scalingCommas * 3;
            }
            else
            {
                layout.GroupDigits = true;
            }
        }

        return layout;
    }

    /// <summary>For an 'E' or 'e' at <paramref name="at"/>: the zeros of its exponent pattern (<c>E0</c>,
    /// <c>E+00</c>, <c>e-0</c>), 0 if it is a literal letter; <paramref name="end"/> is just past the pattern.</summary>
    private static int ExponentZeros(ReadOnlySpan<char> format, int at, out int end, out bool plus)
    {
        int i = at + 1;
        plus = false;
        if (i < format.Length && format[i] is '+' or '-')
        {
            plus = format[i] == '+';
            i++;
        }

        int zeros = 0;
        while (i < format.Length && format[i] == '0')
        {
            zeros++;
            i++;
        }

        end = i;
        return zeros;
    }
}
