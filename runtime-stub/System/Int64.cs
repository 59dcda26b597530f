namespace System;

/// <summary><c>long</c>: a signed 64-bit integer.</summary>
public readonly partial struct Int64 : IComparable<long>, IEquatable<long>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly long m_value;
#pragma warning restore CS0169

    public const long MaxValue = 9223372036854775807;
    public const long MinValue = -9223372036854775808;

    public int CompareTo(long value) => this < value ? -1 : this > value ? 1 : 0;

    public bool Equals(long obj) => this == obj;
}
