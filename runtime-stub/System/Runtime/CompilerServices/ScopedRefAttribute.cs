namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn on <c>scoped</c> parameters.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ScopedRefAttribute : Attribute
{
    public ScopedRefAttribute()
    {
    }
}
