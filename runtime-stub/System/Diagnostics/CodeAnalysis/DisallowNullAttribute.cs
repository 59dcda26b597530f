namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable analysis: null is not allowed as input even if the type allows it.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class DisallowNullAttribute : Attribute
{
    public DisallowNullAttribute()
    {
    }
}
