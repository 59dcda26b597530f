namespace System.Runtime.CompilerServices;

/// <summary>The members Roslyn and the library need from .NET's RuntimeHelpers.</summary>
public static class RuntimeHelpers
{
    /// <summary>A compile-time constant per <typeparamref name="T"/> (docs/abi.md).</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern bool IsReferenceOrContainsReferences<T>() where T : allows ref struct;

    /// <summary>
    /// A span over constant data. Roslyn calls it for <c>ReadOnlySpan&lt;T&gt;</c> data whose
    /// elements are wider than a byte (<c>static ReadOnlySpan&lt;int&gt; X => [1, 2]</c>):
    /// <c>ldtoken</c> of a static field with an RVA (little-endian data), then this call.
    /// Without it Roslyn would allocate an array instead. An intrinsic (docs/abi.md).
    /// </summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle);

    /// <summary>Where a string's characters start: after the MethodTable pointer and the length.</summary>
    public static unsafe int OffsetToStringData => sizeof(nint) + sizeof(int);
}
