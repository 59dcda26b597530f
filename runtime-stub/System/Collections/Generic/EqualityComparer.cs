namespace System.Collections.Generic;

using System.Runtime.CompilerServices;

/// <summary>
/// What a record struct's generated Equals and GetHashCode call for each field. There is no comparer object: the
/// compiler compiles <c>EqualityComparer&lt;T&gt;.Default.Equals(a, b)</c> and <c>.GetHashCode(a)</c> inline for
/// the T at hand, as .NET's defaults behave: primitives and enums by value (.NET's hash codes; NaN equals NaN),
/// strings ordinally, structs through their IEquatable&lt;T&gt;.Equals and their GetHashCode override.
/// </summary>
public class EqualityComparer<T>
{
    protected EqualityComparer()
    {
    }

    public static extern EqualityComparer<T> Default
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        get;
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    public virtual extern bool Equals(T? x, T? y);

    [MethodImpl(MethodImplOptions.InternalCall)]
    public virtual extern int GetHashCode(T obj);
}
