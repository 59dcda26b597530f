namespace System;

using System.Runtime.CompilerServices;

/// <summary>
/// The root of every class. Only strings and exception objects ever exist (docs/abi.md),
/// so an object is just its <c>MethodTable</c> pointer followed by its fields. Equals, GetHashCode
/// and ToString are virtual so that structs can override them; no class needs a vtable: the compiler
/// resolves the calls on structs at compile time and refuses virtual dispatch on objects.
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

    // Declared so that structs can override them (called directly or through a constrained call, resolved at
    // compile time: no vtable, no boxing). Calling them on an object, or on a struct that does not override them,
    // needs virtual dispatch or boxing, which the compiler refuses.
    [MethodImpl(MethodImplOptions.InternalCall)]
    public virtual extern string? ToString();

    [MethodImpl(MethodImplOptions.InternalCall)]
    public virtual extern bool Equals(object? obj);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public virtual extern int GetHashCode();
}
