namespace System;

/// <summary><c>double</c>: IEEE 754 binary64. Arithmetic is IL opcodes; formatting is in PrimitiveFormatting.cs.</summary>
public readonly partial struct Double : IComparable<double>, IEquatable<double>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly double m_value;
#pragma warning restore CS0169

    public const double MinValue = -1.7976931348623157E+308;
    public const double MaxValue = 1.7976931348623157E+308;
    public const double Epsilon = 4.9406564584124654E-324;
    public const double NaN = 0.0 / 0.0;
    public const double NegativeInfinity = -1.0 / 0.0;
    public const double PositiveInfinity = 1.0 / 0.0;

    // NaN is the only value not equal to itself.
#pragma warning disable CS1718
    public static bool IsNaN(double d) => d != d;
#pragma warning restore CS1718

    public static bool IsInfinity(double d) => (BitConverter.DoubleToUInt64Bits(d) & ~0x8000_0000_0000_0000UL) == 0x7FF0_0000_0000_0000UL;

    public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;

    public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;

    /// <summary>Neither infinite nor NaN.</summary>
    public static bool IsFinite(double d) => (BitConverter.DoubleToUInt64Bits(d) & 0x7FF0_0000_0000_0000UL) != 0x7FF0_0000_0000_0000UL;

    /// <summary>The sign bit is set (also for -0.0 and negative NaNs).</summary>
    public static bool IsNegative(double d) => (BitConverter.DoubleToUInt64Bits(d) & 0x8000_0000_0000_0000UL) != 0;

    // As .NET: NaN sorts before everything else and equals itself here.
    public int CompareTo(double value)
    {
        if (this < value)
        {
            return -1;
        }

        if (this > value)
        {
            return 1;
        }

        if (this == value)
        {
            return 0;
        }

        // At least one is NaN.
        if (IsNaN(this))
        {
            return IsNaN(value) ? 0 : -1;
        }

        return 1;
    }

    // As .NET: NaN equals NaN, and 0.0 equals -0.0.
    public bool Equals(double obj) => this == obj || (IsNaN(obj) && IsNaN(this));
}
