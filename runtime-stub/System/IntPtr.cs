namespace System;

/// <summary>
/// <c>nint</c>: a pointer-sized signed integer (4 bytes on rv32, 8 on rv64 and host).
/// Roslyn treats <c>nint</c> as this type because <c>RuntimeFeature.NumericIntPtr</c>
/// exists, so arithmetic and conversions are IL opcodes, not members here.
/// </summary>
public readonly unsafe partial struct IntPtr : IComparable<nint>, IEquatable<nint>
{
    // The primitive's own storage, named as in CoreCLR. The compiler treats the type as a
    // primitive; the members below use `this`, never this field.
#pragma warning disable CS0169
    private readonly nint _value;
#pragma warning restore CS0169

    /// <summary>Zero; a never-assigned static field, so it needs no static constructor.</summary>
    public static readonly nint Zero;

    // Properties rather than constants because the width depends on the target.
    public static nint MaxValue => (nint)(~(nuint)0 >> 1);
    public static nint MinValue => ~MaxValue;
    public static int Size => sizeof(nint);

    public int CompareTo(nint value) => this < value ? -1 : this > value ? 1 : 0;

    public bool Equals(nint obj) => this == obj;
}
