namespace System;

/// <summary>
/// The root of every class. Only strings and exception objects ever exist (docs/abi.md),
/// so an object is just its <c>MethodTable</c> pointer followed by its fields. There are
/// deliberately no virtual methods (Equals, GetHashCode, ToString): without them no
/// class needs a vtable and the compiler never emits virtual dispatch on objects.
/// </summary>
public class Object
{
    // The first word of every object, as in CoreCLR: the MethodTable* that StartupHelpers.Allocate
    // and the compiler's string literals store. C# code never assigns it.
#pragma warning disable CS0649
    internal nint m_pMethodTable;
#pragma warning restore CS0649

    public Object()
    {
    }
}
