namespace Rvc.TypeSystem;

/// <summary>How a closed type is represented in memory and in LLVM.</summary>
public enum ValueKind
{
    Void,
    Bool,
    Char,
    I1,
    U1,
    I2,
    U2,
    I4,
    U4,
    I8,
    U8,
    NInt,
    NUInt,
    R4,
    R8,
    /// <summary>Unmanaged pointers and function pointers.</summary>
    Pointer,
    /// <summary>Managed pointers (<c>ref T</c>).</summary>
    ByRef,
    /// <summary>References to objects (strings and exceptions).</summary>
    Object,
    /// <summary>Any other value type: kept in memory, passed by address.</summary>
    Struct,
}

public static class ValueKindExtensions
{
    public static bool IsSigned(this ValueKind k) => k is ValueKind.I1 or ValueKind.I2 or ValueKind.I4 or ValueKind.I8 or ValueKind.NInt;

    public static bool IsInteger(this ValueKind k) => k is >= ValueKind.Bool and <= ValueKind.NUInt;

    public static bool IsFloat(this ValueKind k) => k is ValueKind.R4 or ValueKind.R8;

    public static bool IsPointerLike(this ValueKind k) => k is ValueKind.Pointer or ValueKind.ByRef or ValueKind.Object;
}
