namespace Internal.Runtime.CompilerHelpers;

using System.Runtime.InteropServices;

/// <summary>
/// 64-bit division for targets without a 64-bit divide instruction: LLVM calls these on rv32
/// (they are exported on every target). They must never use 64-bit <c>/</c> or <c>%</c>
/// themselves, which would call back into them: only shifts, compares, subtraction and
/// 32-bit division. Results follow C: the quotient truncates toward zero and the remainder
/// has the sign of the dividend. The compiler checks for zero divisors and MinValue / -1
/// before it divides, so those cases need no particular answer here.
/// </summary>
public static class DivisionHelpers
{
    [UnmanagedCallersOnly(EntryPoint = "__udivdi3")]
    public static ulong UDivDI3(ulong dividend, ulong divisor) => DivRemUnsigned(dividend, divisor, out _);

    [UnmanagedCallersOnly(EntryPoint = "__umoddi3")]
    public static ulong UModDI3(ulong dividend, ulong divisor)
    {
        DivRemUnsigned(dividend, divisor, out ulong remainder);
        return remainder;
    }

    [UnmanagedCallersOnly(EntryPoint = "__divdi3")]
    public static long DivDI3(long dividend, long divisor)
    {
        ulong quotient = DivRemUnsigned(Magnitude(dividend), Magnitude(divisor), out _);
        return (dividend ^ divisor) < 0 ? (long)(0 - quotient) : (long)quotient;
    }

    [UnmanagedCallersOnly(EntryPoint = "__moddi3")]
    public static long ModDI3(long dividend, long divisor)
    {
        DivRemUnsigned(Magnitude(dividend), Magnitude(divisor), out ulong remainder);
        return dividend < 0 ? (long)(0 - remainder) : (long)remainder;
    }

    // |value| as unsigned; correct for long.MinValue too.
    private static ulong Magnitude(long value) => value < 0 ? 0 - (ulong)value : (ulong)value;

    internal static ulong DivRemUnsigned(ulong dividend, ulong divisor, out ulong remainder)
    {
        if (divisor == 0)
        {
            // Unreachable from compiled code (it throws first); RISC-V divu's answer.
            remainder = dividend;
            return ulong.MaxValue;
        }

        if ((dividend >> 32) == 0)
        {
            if ((divisor >> 32) != 0)
            {
                remainder = dividend;
                return 0;
            }

            // Both fit in 32 bits: one native 32-bit division.
            uint q = (uint)dividend / (uint)divisor;
            remainder = (uint)dividend - (q * (uint)divisor);
            return q;
        }

        if (divisor > dividend)
        {
            remainder = dividend;
            return 0;
        }

        // Shift-subtract long division, one quotient bit per step, starting where the
        // divisor's top bit lines up with the dividend's.
        int shift = LeadingZeroCount(divisor) - LeadingZeroCount(dividend);
        divisor <<= shift;
        ulong quotient = 0;
        for (; shift >= 0; shift--)
        {
            quotient <<= 1;
            if (dividend >= divisor)
            {
                dividend -= divisor;
                quotient |= 1;
            }

            divisor >>= 1;
        }

        remainder = dividend;
        return quotient;
    }

    // For value != 0; a binary search, since rv32gc has no count-leading-zeros instruction.
    private static int LeadingZeroCount(ulong value)
    {
        int count = 0;
        if ((value >> 32) == 0)
        {
            count += 32;
            value <<= 32;
        }

        if ((value >> 48) == 0)
        {
            count += 16;
            value <<= 16;
        }

        if ((value >> 56) == 0)
        {
            count += 8;
            value <<= 8;
        }

        if ((value >> 60) == 0)
        {
            count += 4;
            value <<= 4;
        }

        if ((value >> 62) == 0)
        {
            count += 2;
            value <<= 2;
        }

        if ((value >> 63) == 0)
        {
            count += 1;
        }

        return count;
    }
}
