namespace System;

/// <summary><c>ulong</c>: an unsigned 64-bit integer.</summary>
public readonly partial struct UInt64 : IComparable<ulong>, IEquatable<ulong>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly ulong m_value;
#pragma warning restore CS0169

    public const ulong MaxValue = 18446744073709551615UL;
    public const ulong MinValue = 0;

    public int CompareTo(ulong value) => this < value ? -1 : this > value ? 1 : 0;

    public bool Equals(ulong obj) => this == obj;
}
