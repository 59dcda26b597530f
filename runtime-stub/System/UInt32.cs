namespace System;

/// <summary><c>uint</c>: an unsigned 32-bit integer.</summary>
public readonly partial struct UInt32 : IComparable<uint>, IEquatable<uint>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly uint m_value;
#pragma warning restore CS0169

    public const uint MaxValue = 4294967295U;
    public const uint MinValue = 0;

    public int CompareTo(uint value) => this < value ? -1 : this > value ? 1 : 0;

    public bool Equals(uint obj) => this == obj;
}
