namespace System;

/// <summary>Equality, as in .NET; the primitives implement it so <c>where T : IEquatable&lt;T&gt;</c> (and span searches) work.</summary>
public interface IEquatable<T>
    where T : allows ref struct
{
    bool Equals(T? other);
}
