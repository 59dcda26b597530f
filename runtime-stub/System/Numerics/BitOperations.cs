namespace System.Numerics;

/// <summary>
/// Bit counting and rotation with .NET's overloads, in portable C#: rv32gc/rv64gc have no
/// bit-manipulation extension, and LLVM recognizes these idioms where a target has one.
/// Counts of zero inputs follow .NET (LeadingZeroCount(0u) == 32, Log2(0) == 0).
/// </summary>
public static class BitOperations
{
    public static bool IsPow2(int value) => (value & (value - 1)) == 0 && value > 0;

    public static bool IsPow2(uint value) => (value & (value - 1)) == 0 && value != 0;

    public static bool IsPow2(long value) => (value & (value - 1)) == 0 && value > 0;

    public static bool IsPow2(ulong value) => (value & (value - 1)) == 0 && value != 0;

    public static bool IsPow2(nint value) => (value & (value - 1)) == 0 && value > 0;

    public static bool IsPow2(nuint value) => (value & (value - 1)) == 0 && value != 0;

    public static int PopCount(uint value)
    {
        // SWAR: sums of bits in pairs, nibbles, then bytes added by the multiply.
        value -= (value >> 1) & 0x5555_5555u;
        value = (value & 0x3333_3333u) + ((value >> 2) & 0x3333_3333u);
        value = (value + (value >> 4)) & 0x0F0F_0F0Fu;
        return (int)((value * 0x0101_0101u) >> 24);
    }

    // Two 32-bit halves: no 64-bit multiply on rv32.
    public static int PopCount(ulong value) => PopCount((uint)value) + PopCount((uint)(value >> 32));

    public static unsafe int PopCount(nuint value) => sizeof(nuint) == 8 ? PopCount((ulong)value) : PopCount((uint)value);

    public static int LeadingZeroCount(uint value)
    {
        if (value == 0)
        {
            return 32;
        }

        int count = 0;
        if ((value & 0xFFFF_0000u) == 0)
        {
            count += 16;
            value <<= 16;
        }

        if ((value & 0xFF00_0000u) == 0)
        {
            count += 8;
            value <<= 8;
        }

        if ((value & 0xF000_0000u) == 0)
        {
            count += 4;
            value <<= 4;
        }

        if ((value & 0xC000_0000u) == 0)
        {
            count += 2;
            value <<= 2;
        }

        if ((value & 0x8000_0000u) == 0)
        {
            count += 1;
        }

        return count;
    }

    public static int LeadingZeroCount(ulong value)
    {
        uint high = (uint)(value >> 32);
        return high != 0 ? LeadingZeroCount(high) : 32 + LeadingZeroCount((uint)value);
    }

    public static unsafe int LeadingZeroCount(nuint value) =>
        sizeof(nuint) == 8 ? LeadingZeroCount((ulong)value) : LeadingZeroCount((uint)value);

    public static int TrailingZeroCount(int value) => TrailingZeroCount((uint)value);

    public static int TrailingZeroCount(uint value)
    {
        if (value == 0)
        {
            return 32;
        }

        // The lowest set bit alone; its position is 31 minus its leading zeros.
        return 31 - LeadingZeroCount(value & (0 - value));
    }

    public static int TrailingZeroCount(long value) => TrailingZeroCount((ulong)value);

    public static int TrailingZeroCount(ulong value)
    {
        uint low = (uint)value;
        return low != 0 ? TrailingZeroCount(low) : 32 + TrailingZeroCount((uint)(value >> 32));
    }

    public static int TrailingZeroCount(nint value) => TrailingZeroCount((nuint)value);

    public static unsafe int TrailingZeroCount(nuint value) =>
        sizeof(nuint) == 8 ? TrailingZeroCount((ulong)value) : TrailingZeroCount((uint)value);

    // The position of the highest set bit; 0 for 0, as in .NET.
    public static int Log2(uint value) => 31 - LeadingZeroCount(value | 1);

    public static int Log2(ulong value) => 63 - LeadingZeroCount(value | 1);

    public static unsafe int Log2(nuint value) => sizeof(nuint) == 8 ? Log2((ulong)value) : Log2((uint)value);

    // C# masks shift counts to the operand width, as .NET's rotations do.
    public static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));

    public static ulong RotateLeft(ulong value, int offset) => (value << offset) | (value >> (64 - offset));

    public static unsafe nuint RotateLeft(nuint value, int offset) =>
        sizeof(nuint) == 8 ? (nuint)RotateLeft((ulong)value, offset) : RotateLeft((uint)value, offset);

    public static uint RotateRight(uint value, int offset) => (value >> offset) | (value << (32 - offset));

    public static ulong RotateRight(ulong value, int offset) => (value >> offset) | (value << (64 - offset));

    public static unsafe nuint RotateRight(nuint value, int offset) =>
        sizeof(nuint) == 8 ? (nuint)RotateRight((ulong)value, offset) : RotateRight((uint)value, offset);

    // The smallest power of 2 >= value; 0 for 0 and for values above the largest power of 2, as in .NET.
    public static uint RoundUpToPowerOf2(uint value)
    {
        value--;
        value |= value >> 1;
        value |= value >> 2;
        value |= value >> 4;
        value |= value >> 8;
        value |= value >> 16;
        return value + 1;
    }

    public static ulong RoundUpToPowerOf2(ulong value)
    {
        value--;
        value |= value >> 1;
        value |= value >> 2;
        value |= value >> 4;
        value |= value >> 8;
        value |= value >> 16;
        value |= value >> 32;
        return value + 1;
    }

    public static unsafe nuint RoundUpToPowerOf2(nuint value) =>
        sizeof(nuint) == 8 ? (nuint)RoundUpToPowerOf2((ulong)value) : RoundUpToPowerOf2((uint)value);
}
