namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable analysis: null is allowed as input even if the type disallows it.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class AllowNullAttribute : Attribute
{
    public AllowNullAttribute()
    {
    }
}
