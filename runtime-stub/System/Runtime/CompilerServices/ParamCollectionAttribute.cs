namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn on <c>params</c> collection parameters such as <c>params ReadOnlySpan&lt;T&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ParamCollectionAttribute : Attribute
{
    public ParamCollectionAttribute()
    {
    }
}
