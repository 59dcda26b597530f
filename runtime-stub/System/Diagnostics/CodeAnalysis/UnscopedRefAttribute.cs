namespace System.Diagnostics.CodeAnalysis;

/// <summary>Lets a struct member return a reference to <c>this</c> (or an <c>out</c>/<c>ref</c> parameter escape).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class UnscopedRefAttribute : Attribute
{
    public UnscopedRefAttribute()
    {
    }
}
