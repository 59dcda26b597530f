namespace System;

/// <summary>Ordering, as in .NET; the primitives implement it so <c>where T : IComparable&lt;T&gt;</c> works.</summary>
public interface IComparable<in T>
    where T : allows ref struct
{
    int CompareTo(T? other);
}
