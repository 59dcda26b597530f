namespace System;

/// <summary><c>nuint</c>: a pointer-sized unsigned integer. See <see cref="IntPtr"/>.</summary>
public readonly unsafe partial struct UIntPtr : IComparable<nuint>, IEquatable<nuint>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly nuint _value;
#pragma warning restore CS0169

    /// <summary>Zero; a never-assigned static field, so it needs no static constructor.</summary>
    public static readonly nuint Zero;

    // Properties rather than constants because the width depends on the target.
    public static nuint MaxValue => ~(nuint)0;
    public static nuint MinValue => 0;
    public static int Size => sizeof(nuint);

    public int CompareTo(nuint value) => this < value ? -1 : this > value ? 1 : 0;

    public bool Equals(nuint obj) => this == obj;
}
