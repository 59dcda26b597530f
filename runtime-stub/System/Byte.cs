namespace System;

/// <summary><c>byte</c>: an unsigned 8-bit integer.</summary>
public readonly partial struct Byte : IComparable<byte>, IEquatable<byte>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly byte m_value;
#pragma warning restore CS0169

    public const byte MaxValue = 255;
    public const byte MinValue = 0;

    // The difference, as .NET returns for types narrower than int.
    public int CompareTo(byte value) => this - value;

    public bool Equals(byte obj) => this == obj;
}
