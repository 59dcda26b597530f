namespace System;

/// <summary><c>short</c>: a signed 16-bit integer.</summary>
public readonly partial struct Int16 : IComparable<short>, IEquatable<short>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly short m_value;
#pragma warning restore CS0169

    public const short MaxValue = 32767;
    public const short MinValue = -32768;

    // The difference, as .NET returns for types narrower than int.
    public int CompareTo(short value) => this - value;

    public bool Equals(short obj) => this == obj;
}
