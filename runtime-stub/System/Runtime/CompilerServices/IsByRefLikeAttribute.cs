namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn on <c>ref struct</c> types (Span, ReadOnlySpan...).</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class IsByRefLikeAttribute : Attribute
{
    public IsByRefLikeAttribute()
    {
    }
}
