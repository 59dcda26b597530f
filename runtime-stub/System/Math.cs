namespace System;

/// <summary>
/// Integer Min, Max and Abs with the same overloads as .NET, so a call picks the same
/// overload (and return type) against either library. Abs of MinValue throws
/// OverflowException as in .NET.
/// </summary>
public static class Math
{
    public const double E = 2.7182818284590452354;
    public const double PI = 3.14159265358979323846;
    public const double Tau = 6.283185307179586476925;

    public static sbyte Abs(sbyte value)
    {
        if (value < 0)
        {
            value = (sbyte)-value;
            if (value < 0)
            {
                ThrowHelper.ThrowOverflowException_NegateTwosCompNum();
            }
        }

        return value;
    }

    public static short Abs(short value)
    {
        if (value < 0)
        {
            value = (short)-value;
            if (value < 0)
            {
                ThrowHelper.ThrowOverflowException_NegateTwosCompNum();
            }
        }

        return value;
    }

    public static int Abs(int value)
    {
        if (value < 0)
        {
            value = -value;
            if (value < 0)
            {
                ThrowHelper.ThrowOverflowException_NegateTwosCompNum();
            }
        }

        return value;
    }

    public static long Abs(long value)
    {
        if (value < 0)
        {
            value = -value;
            if (value < 0)
            {
                ThrowHelper.ThrowOverflowException_NegateTwosCompNum();
            }
        }

        return value;
    }

    public static nint Abs(nint value)
    {
        if (value < 0)
        {
            value = -value;
            if (value < 0)
            {
                ThrowHelper.ThrowOverflowException_NegateTwosCompNum();
            }
        }

        return value;
    }

    public static byte Max(byte val1, byte val2) => val1 >= val2 ? val1 : val2;

    public static sbyte Max(sbyte val1, sbyte val2) => val1 >= val2 ? val1 : val2;

    public static short Max(short val1, short val2) => val1 >= val2 ? val1 : val2;

    public static ushort Max(ushort val1, ushort val2) => val1 >= val2 ? val1 : val2;

    public static int Max(int val1, int val2) => val1 >= val2 ? val1 : val2;

    public static uint Max(uint val1, uint val2) => val1 >= val2 ? val1 : val2;

    public static long Max(long val1, long val2) => val1 >= val2 ? val1 : val2;

    public static ulong Max(ulong val1, ulong val2) => val1 >= val2 ? val1 : val2;

    public static nint Max(nint val1, nint val2) => val1 >= val2 ? val1 : val2;

    public static nuint Max(nuint val1, nuint val2) => val1 >= val2 ? val1 : val2;

    public static byte Min(byte val1, byte val2) => val1 <= val2 ? val1 : val2;

    public static sbyte Min(sbyte val1, sbyte val2) => val1 <= val2 ? val1 : val2;

    public static short Min(short val1, short val2) => val1 <= val2 ? val1 : val2;

    public static ushort Min(ushort val1, ushort val2) => val1 <= val2 ? val1 : val2;

    public static int Min(int val1, int val2) => val1 <= val2 ? val1 : val2;

    public static uint Min(uint val1, uint val2) => val1 <= val2 ? val1 : val2;

    public static long Min(long val1, long val2) => val1 <= val2 ? val1 : val2;

    public static ulong Min(ulong val1, ulong val2) => val1 <= val2 ? val1 : val2;

    public static nint Min(nint val1, nint val2) => val1 <= val2 ? val1 : val2;

    public static nuint Min(nuint val1, nuint val2) => val1 <= val2 ? val1 : val2;

    // Clamp, as .NET: min > max is an ArgumentException. .NET puts both values in the message, which would need a
    // string built at run time; this message names them instead.

    public static byte Clamp(byte value, byte min, byte max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static sbyte Clamp(sbyte value, sbyte min, sbyte max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static short Clamp(short value, short min, short max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static ushort Clamp(ushort value, ushort min, ushort max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static int Clamp(int value, int min, int max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static uint Clamp(uint value, uint min, uint max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static long Clamp(long value, long min, long max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static ulong Clamp(ulong value, ulong min, ulong max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static nint Clamp(nint value, nint min, nint max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static nuint Clamp(nuint value, nuint min, nuint max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static float Clamp(float value, float min, float max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    public static double Clamp(double value, double min, double max)
    {
        if (min > max)
        {
            ThrowMinMaxException();
        }

        if (value < min)
        {
            return min;
        }

        return value > max ? max : value;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowMinMaxException() => throw new ArgumentException("min cannot be greater than max.");
}
