namespace System;

/// <summary><c>sbyte</c>: a signed 8-bit integer.</summary>
public readonly partial struct SByte : IComparable<sbyte>, IEquatable<sbyte>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly sbyte m_value;
#pragma warning restore CS0169

    public const sbyte MaxValue = 127;
    public const sbyte MinValue = -128;

    // The difference, as .NET returns for types narrower than int.
    public int CompareTo(sbyte value) => this - value;

    public bool Equals(sbyte obj) => this == obj;
}
