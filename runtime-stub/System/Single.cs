namespace System;

/// <summary><c>float</c>: IEEE 754 binary32. Arithmetic is IL opcodes; formatting is in PrimitiveFormatting.cs.</summary>
public readonly partial struct Single : IComparable<float>, IEquatable<float>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly float m_value;
#pragma warning restore CS0169

    public const float MinValue = -3.40282346638528859e+38f;
    public const float MaxValue = 3.40282346638528859e+38f;
    public const float Epsilon = 1.4e-45f;
    public const float NaN = 0.0f / 0.0f;
    public const float NegativeInfinity = -1.0f / 0.0f;
    public const float PositiveInfinity = 1.0f / 0.0f;

    // NaN is the only value not equal to itself.
#pragma warning disable CS1718
    public static bool IsNaN(float f) => f != f;
#pragma warning restore CS1718

    public static bool IsInfinity(float f) => (BitConverter.SingleToUInt32Bits(f) & ~0x8000_0000u) == 0x7F80_0000u;

    public static bool IsPositiveInfinity(float f) => f == PositiveInfinity;

    public static bool IsNegativeInfinity(float f) => f == NegativeInfinity;

    /// <summary>Neither infinite nor NaN.</summary>
    public static bool IsFinite(float f) => (BitConverter.SingleToUInt32Bits(f) & 0x7F80_0000u) != 0x7F80_0000u;

    /// <summary>The sign bit is set (also for -0.0 and negative NaNs).</summary>
    public static bool IsNegative(float f) => (BitConverter.SingleToUInt32Bits(f) & 0x8000_0000u) != 0;

    // As .NET: NaN sorts before everything else and equals itself here.
    public int CompareTo(float value)
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
    public bool Equals(float obj) => this == obj || (IsNaN(obj) && IsNaN(this));
}
