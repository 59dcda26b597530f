using Mono.Cecil;

namespace Rvc.CodeGen;

/// <summary>The kinds of value on the IL evaluation stack (ECMA-335 III.1.1), as the code generator
/// keeps them: the small integer types are widened to 32 bits; references and pointers are LLVM <c>ptr</c>.</summary>
public enum StackKind
{
    I32,
    I64,
    NInt,
    F32,
    F64,
    /// <summary>Object references, managed and unmanaged pointers, function pointers.</summary>
    Ptr,
    /// <summary>A value type kept in memory: the value's text is the address of a private copy.</summary>
    Struct,
}

/// <summary>One entry of the evaluation stack: an LLVM operand (a constant or an SSA name) and its kind.</summary>
public sealed record StackValue(StackKind Kind, string Text, TypeReference? Type = null)
{
    public override string ToString() => $"{Kind} {Text}";
}
