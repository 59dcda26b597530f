namespace Internal.Runtime.CompilerHelpers;

using System;
using System.Runtime.InteropServices;

/// <summary>
/// The floating-point library calls LLVM emits that no instruction covers:
/// <list type="bullet">
/// <item>64-bit integer &lt;-&gt; float/double conversions, which rv32's F/D extensions lack
/// (exported on every target, called on rv32 only);</item>
/// <item><c>fmod</c>/<c>fmodf</c>, what C#'s <c>%</c> on floating point becomes on every target.</item>
/// </list>
/// They must not themselves convert between 64-bit integers and floating point (that would
/// call back into them): only 32-bit conversions, floating-point arithmetic and bit operations.
/// Out-of-range float-to-integer conversions saturate (NaN gives 0); the compiler's
/// saturating conversions correct the result around these calls anyway.
/// </summary>
public static unsafe class FloatingPointHelpers
{
    private const double TwoPow32 = 4294967296.0;

    [UnmanagedCallersOnly(EntryPoint = "__floatdidf")]
    public static double FloatDIDF(long value) => Int64ToDouble(value);

    [UnmanagedCallersOnly(EntryPoint = "__floatundidf")]
    public static double FloatUNDIDF(ulong value) => UInt64ToDouble(value);

    [UnmanagedCallersOnly(EntryPoint = "__floatdisf")]
    public static float FloatDISF(long value) =>
        value < 0 ? -UInt64ToSingle(0 - (ulong)value) : UInt64ToSingle((ulong)value);

    [UnmanagedCallersOnly(EntryPoint = "__floatundisf")]
    public static float FloatUNDISF(ulong value) => UInt64ToSingle(value);

    [UnmanagedCallersOnly(EntryPoint = "__fixdfdi")]
    public static long FixDFDI(double value) => DoubleToInt64(value);

    [UnmanagedCallersOnly(EntryPoint = "__fixunsdfdi")]
    public static ulong FixUNSDFDI(double value) => DoubleToUInt64(value);

    // float -> double is exact, so the double conversion gives the right answer.
    [UnmanagedCallersOnly(EntryPoint = "__fixsfdi")]
    public static long FixSFDI(float value) => DoubleToInt64(value);

    [UnmanagedCallersOnly(EntryPoint = "__fixunssfdi")]
    public static ulong FixUNSSFDI(float value) => DoubleToUInt64(value);

    [UnmanagedCallersOnly(EntryPoint = "fmod")]
    public static double Fmod(double x, double y) => Remainder(x, y);

    // The remainder of two floats is exact and representable as a float, and float -> double
    // is exact, so computing it in double and narrowing loses nothing.
    [UnmanagedCallersOnly(EntryPoint = "fmodf")]
    public static float Fmodf(float x, float y) => (float)Remainder(x, y);

    // An unsigned 32-bit value as a double, with only a signed 32-bit conversion: shift the
    // range by 2^31 (exact both ways, the result has at most 32 significant bits).
    private static double UInt32ToDouble(uint value) => (double)(int)(value ^ 0x8000_0000u) + 2147483648.0;

    // high * 2^32 is exact and low is exact, so the one rounding of the sum is the correct one.
    private static double Int64ToDouble(long value) =>
        ((double)(int)(value >> 32) * TwoPow32) + UInt32ToDouble((uint)value);

    private static double UInt64ToDouble(ulong value) =>
        (UInt32ToDouble((uint)(value >> 32)) * TwoPow32) + UInt32ToDouble((uint)value);

    private static float UInt64ToSingle(ulong value)
    {
        // Converting through double would round twice. Above 2^53 fold bits 0..10 into a
        // sticky bit 11: the value becomes exact in double, and since float keeps only 24 of
        // the (at least 54) significant bits, the sticky bit rounds as the lost bits would.
        if ((value >> 53) != 0 && (value & 0x7FF) != 0)
        {
            value = (value & ~0x7FFUL) | 0x800;
        }

        return (float)UInt64ToDouble(value);
    }

    private static long DoubleToInt64(double value)
    {
        ulong bits = *(ulong*)&value;
        int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        bool negative = (long)bits < 0;
        if (exponent < 0)
        {
            return 0;
        }

        if (exponent >= 63)
        {
            // Out of range, or exactly long.MinValue; NaN is 0.
            if (IsNaN(bits))
            {
                return 0;
            }

            return negative ? long.MinValue : long.MaxValue;
        }

        ulong magnitude = Truncate(bits, exponent);
        return negative ? (long)(0 - magnitude) : (long)magnitude;
    }

    private static ulong DoubleToUInt64(double value)
    {
        ulong bits = *(ulong*)&value;
        int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        if (exponent < 0 || (long)bits < 0 || IsNaN(bits))
        {
            return 0;
        }

        if (exponent >= 64)
        {
            return ulong.MaxValue;
        }

        return Truncate(bits, exponent);
    }

    private static bool IsNaN(ulong bits) => (bits & 0x7FFF_FFFF_FFFF_FFFFUL) > 0x7FF0_0000_0000_0000UL;

    // The integer part of a finite double with 0 <= exponent < 64: the 53-bit significand,
    // implicit bit included, shifted into place.
    private static ulong Truncate(ulong bits, int exponent)
    {
        ulong significand = (bits & 0x000F_FFFF_FFFF_FFFFUL) | 0x0010_0000_0000_0000UL;
        return exponent >= 52 ? significand << (exponent - 52) : significand >> (52 - exponent);
    }

    /// <summary>
    /// C's fmod: x - n*y with n = trunc(x/y), computed exactly by long division of the
    /// significands (the result is always representable). Sign of x.
    /// </summary>
    private static double Remainder(double x, double y)
    {
        ulong xBits = *(ulong*)&x;
        ulong yBits = *(ulong*)&y;
        int xExponent = (int)((xBits >> 52) & 0x7FF);
        int yExponent = (int)((yBits >> 52) & 0x7FF);
        ulong sign = xBits & 0x8000_0000_0000_0000UL;

        // y zero or NaN, or x infinite or NaN: NaN (from the arithmetic, as C does).
        if ((yBits << 1) == 0 || IsNaN(yBits) || xExponent == 0x7FF)
        {
            return (x * y) / (x * y);
        }

        // |x| <= |y|: x itself, or a zero of x's sign when equal.
        if ((xBits << 1) <= (yBits << 1))
        {
            return (xBits << 1) == (yBits << 1) ? 0 * x : x;
        }

        ulong xSignificand = Normalize(xBits, ref xExponent);
        ulong ySignificand = Normalize(yBits, ref yExponent);

        // Long division, one exponent step at a time, keeping only the remainder.
        for (; xExponent > yExponent; xExponent--)
        {
            if (xSignificand >= ySignificand)
            {
                xSignificand -= ySignificand;
                if (xSignificand == 0)
                {
                    return 0 * x;
                }
            }

            xSignificand <<= 1;
        }

        if (xSignificand >= ySignificand)
        {
            xSignificand -= ySignificand;
            if (xSignificand == 0)
            {
                return 0 * x;
            }
        }

        // Renormalize so the implicit bit (52) is set again.
        while ((xSignificand >> 52) == 0)
        {
            xSignificand <<= 1;
            xExponent--;
        }

        ulong resultBits;
        if (xExponent > 0)
        {
            resultBits = (xSignificand & 0x000F_FFFF_FFFF_FFFFUL) | ((ulong)xExponent << 52);
        }
        else
        {
            // Subnormal result.
            resultBits = xSignificand >> (1 - xExponent);
        }

        resultBits |= sign;
        return *(double*)&resultBits;
    }

    // The significand with its implicit bit at position 52; subnormals are shifted up and
    // their exponent made to match (it can go to zero or below).
    private static ulong Normalize(ulong bits, ref int exponent)
    {
        ulong significand = bits & 0x000F_FFFF_FFFF_FFFFUL;
        if (exponent != 0)
        {
            return significand | 0x0010_0000_0000_0000UL;
        }

        exponent = 1;
        while ((significand >> 52) == 0)
        {
            significand <<= 1;
            exponent--;
        }

        return significand;
    }
}
