namespace System;

internal static unsafe partial class Number
{
    /// <summary>
    /// Decimal digits of a number, as .NET's formatting keeps them: ASCII digits without leading zeros,
    /// NUL-terminated; the value is 0.d1d2d3... × 10^<see cref="Scale"/>.
    /// </summary>
    internal struct NumberBuffer
    {
        /// <summary>What .NET keeps of a double (767 significant digits, enough for every exact value); digits
        /// past these print as zeros, as in .NET.</summary>
        public const int MaxDigits = 767;

        public int DigitsCount;
        public int Scale;
        public bool IsNegative;

        /// <summary>Digits of a float or double are correctly rounded where they end; integer digits are not.</summary>
        public bool IsFloatingPoint;
        public fixed byte Digits[MaxDigits + 1];
    }

    /// <summary>
    /// Exact binary-to-decimal conversion of <c>mantissa × 2^exponent</c> (mantissa &gt; 0) with big integers,
    /// after Steele and White's and Burger and Dybvig's digit generation (the "Dragon4" family), written for
    /// this runtime. With <paramref name="cutoff"/> &lt; 0 it produces the shortest digits that read back as the
    /// same value (a neighbour's midpoint counts when the mantissa is even, as reading it back rounds ties to
    /// even), the closest such; otherwise exactly
    /// <paramref name="cutoff"/> significant digits (<paramref name="isSignificantDigits"/>) or the digits down
    /// to 10^-cutoff, correctly rounded. A tie goes to the even digit, as .NET does.
    /// </summary>
    /// <param name="hasUnequalMargins">The mantissa is a power of two above the smallest exponent: the gap
    /// to the next lower value is half the gap to the next higher one.</param>
    internal static void Dragon4(ulong mantissa, int exponent, bool hasUnequalMargins, int cutoff, bool isSignificantDigits, ref NumberBuffer number)
    {
        // value = scaledValue / scale; the neighbours' midpoints are value -/+ marginLow/scale, marginHigh/scale.
        BigInteger scaledValue = default, scale = default, marginLow = default, marginHigh = default;
        if (exponent >= 0)
        {
            BigInteger.SetUInt64(ref scaledValue, mantissa);
            scaledValue.ShiftLeft(exponent + (hasUnequalMargins ? 2 : 1));
            BigInteger.SetUInt64(ref scale, hasUnequalMargins ? 4u : 2u);
            BigInteger.SetUInt64(ref marginLow, 1);
            marginLow.ShiftLeft(exponent);
        }
        else
        {
            BigInteger.SetUInt64(ref scaledValue, mantissa);
            scaledValue.ShiftLeft(hasUnequalMargins ? 2 : 1);
            BigInteger.SetUInt64(ref scale, 1);
            scale.ShiftLeft(-exponent + (hasUnequalMargins ? 2 : 1));
            BigInteger.SetUInt64(ref marginLow, 1);
        }

        BigInteger.Copy(ref marginLow, ref marginHigh);
        if (hasUnequalMargins)
        {
            marginHigh.ShiftLeft(1);
        }

        // k with 10^(k-1) <= value < 10^k: estimate from the binary exponent (floor(log10(2^x)) = x * 78913 >> 18
        // over this range), which is k or k - 1, then correct it exactly.
        int log2 = exponent + 63 - LeadingZeroCount(mantissa);
        int k = ((log2 * 78913) >> 18) + 1;
        if (k >= 0)
        {
            scale.MultiplyPow10(k);
        }
        else
        {
            scaledValue.MultiplyPow10(-k);
            marginLow.MultiplyPow10(-k);
            marginHigh.MultiplyPow10(-k);
        }

        if (BigInteger.Compare(ref scaledValue, ref scale) >= 0)
        {
            k++;
            scale.Multiply(10);
        }

        // Now value / 10^k = scaledValue / scale, in [0.1, 1).
        int count;
        if (cutoff < 0)
        {
            count = NumberBuffer.MaxDigits;
        }
        else
        {
            count = isSignificantDigits ? cutoff : k + cutoff;
            if (count > NumberBuffer.MaxDigits)
            {
                count = NumberBuffer.MaxDigits;
            }

            if (count <= 0)
            {
                // Every digit lies past the cutoff: the result is 0 or one unit at the cutoff's position.
                int compare = -1;
                if (count == 0)
                {
                    scaledValue.ShiftLeft(1);
                    compare = BigInteger.Compare(ref scaledValue, ref scale);
                }

                if (compare > 0)
                {
                    number.Digits[0] = (byte)'1';
                    number.Digits[1] = 0;
                    number.DigitsCount = 1;
                    number.Scale = k + 1;
                }
                else
                {
                    number.Digits[0] = 0;
                    number.DigitsCount = 0;
                    number.Scale = 0;
                }

                return;
            }
        }

        BigInteger sum = default;
        bool isEven = (mantissa & 1) == 0;
        int used = 0;
        uint digit;
        bool low, high;
        while (true)
        {
            scaledValue.Multiply(10);
            digit = scaledValue.DivideSmallQuotient(ref scale);
            if (cutoff < 0)
            {
                marginLow.Multiply(10);
                marginHigh.Multiply(10);
                // A midpoint itself reads back as this value when the mantissa is even (ties to even).
                int compareLow = BigInteger.Compare(ref scaledValue, ref marginLow);
                low = compareLow < 0 || (isEven && compareLow == 0);
                BigInteger.Add(ref scaledValue, ref marginHigh, ref sum);
                int compareHigh = BigInteger.Compare(ref sum, ref scale);
                high = compareHigh > 0 || (isEven && compareHigh == 0);
                if (low || high || used + 1 == count)
                {
                    break;
                }
            }
            else
            {
                low = false;
                high = false;
                if (used + 1 == count)
                {
                    break;
                }
            }

            number.Digits[used++] = (byte)('0' + digit);
        }

        bool roundDown = low;
        if (low == high)
        {
            // Round to the closer of digit and digit + 1: compare the rest with one half; a tie goes to the even digit.
            scaledValue.ShiftLeft(1);
            int compare = BigInteger.Compare(ref scaledValue, ref scale);
            roundDown = compare < 0 || (compare == 0 && (digit & 1) == 0);
        }

        if (roundDown || digit < 9)
        {
            number.Digits[used++] = (byte)('0' + digit + (roundDown ? 0u : 1u));
        }
        else
        {
            // digit + 1 is 10: carry into the digits before it.
            while (used > 0 && number.Digits[used - 1] == '9')
            {
                used--;
            }

            if (used == 0)
            {
                number.Digits[used++] = (byte)'1';
                k++;
            }
            else
            {
                number.Digits[used - 1]++;
            }
        }

        // Trailing zeros carry no information: .NET's digit buffers never end with one.
        while (used > 0 && number.Digits[used - 1] == '0')
        {
            used--;
        }

        number.Digits[used] = 0;
        number.DigitsCount = used;
        number.Scale = used == 0 ? 0 : k;
    }

    private static int LeadingZeroCount(ulong value)
    {
        int count = 0;
        while (count < 64 && (value & 0x8000_0000_0000_0000UL) == 0)
        {
            value <<= 1;
            count++;
        }

        return count;
    }

    /// <summary>The digits of a double for the given precision (see <see cref="Dragon4"/>); zero has none.</summary>
    internal static void DoubleToNumber(double value, int cutoff, bool isSignificantDigits, ref NumberBuffer number)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        number.IsNegative = (bits >> 63) != 0;
        number.IsFloatingPoint = true;
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong fraction = bits & 0xF_FFFF_FFFF_FFFFUL;
        if (biased == 0 && fraction == 0)
        {
            number.Digits[0] = 0;
            number.DigitsCount = 0;
            number.Scale = 0;
            return;
        }

        if (biased == 0)
        {
            Dragon4(fraction, -1074, false, cutoff, isSignificantDigits, ref number);
        }
        else
        {
            Dragon4(fraction | (1UL << 52), biased - 1075, fraction == 0 && biased > 1, cutoff, isSignificantDigits, ref number);
        }
    }

    internal static void SingleToNumber(float value, int cutoff, bool isSignificantDigits, ref NumberBuffer number)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        number.IsNegative = (bits >> 31) != 0;
        number.IsFloatingPoint = true;
        int biased = (int)((bits >> 23) & 0xFF);
        uint fraction = bits & 0x7F_FFFFu;
        if (biased == 0 && fraction == 0)
        {
            number.Digits[0] = 0;
            number.DigitsCount = 0;
            number.Scale = 0;
            return;
        }

        if (biased == 0)
        {
            Dragon4(fraction, -149, false, cutoff, isSignificantDigits, ref number);
        }
        else
        {
            Dragon4(fraction | (1u << 23), biased - 150, fraction == 0 && biased > 1, cutoff, isSignificantDigits, ref number);
        }
    }
}
