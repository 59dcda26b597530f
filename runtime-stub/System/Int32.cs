namespace System;

/// <summary><c>int</c>: a signed 32-bit integer.</summary>
public readonly partial struct Int32 : IComparable<int>, IEquatable<int>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly int m_value;
#pragma warning restore CS0169

    public const int MaxValue = 2147483647;
    public const int MinValue = -2147483648;

    public int CompareTo(int value) => this < value ? -1 : this > value ? 1 : 0;

    public bool Equals(int obj) => this == obj;
}
