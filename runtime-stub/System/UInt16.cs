namespace System;

/// <summary><c>ushort</c>: an unsigned 16-bit integer.</summary>
public readonly partial struct UInt16 : IComparable<ushort>, IEquatable<ushort>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly ushort m_value;
#pragma warning restore CS0169

    public const ushort MaxValue = 65535;
    public const ushort MinValue = 0;

    // The difference, as .NET returns for types narrower than int.
    public int CompareTo(ushort value) => this - value;

    public bool Equals(ushort obj) => this == obj;
}
