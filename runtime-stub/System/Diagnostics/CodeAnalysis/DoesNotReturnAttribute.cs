namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable analysis: the method never returns (throw helpers, exit).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DoesNotReturnAttribute : Attribute
{
    public DoesNotReturnAttribute()
    {
    }
}
