namespace Internal.Runtime;

/// <summary>
/// What an object's first word points at (docs/abi.md). The compiler emits one per class
/// that is allocated or used as a string; the library reads it to name thrown exceptions.
/// </summary>
public unsafe struct MethodTable
{
    /// <summary>A string literal object: the type's full name, e.g. "System.OverflowException".</summary>
    public void* Name;

    /// <summary>Null for System.Object.</summary>
    public MethodTable* BaseType;

    /// <summary>The size of an instance in bytes, header included.</summary>
    public uint BaseSize;
}
