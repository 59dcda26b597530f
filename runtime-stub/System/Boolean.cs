namespace System;

/// <summary><c>bool</c>: one byte, 0 or 1. Printed as "True"/"False" by <see cref="Console"/>, as .NET does.</summary>
public readonly partial struct Boolean : IComparable<bool>, IEquatable<bool>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly bool m_value;
#pragma warning restore CS0169

    // false < true, as in .NET.
    public int CompareTo(bool value) => this == value ? 0 : this ? 1 : -1;

    public bool Equals(bool obj) => this == obj;
}
