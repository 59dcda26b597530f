namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable analysis: the output may be null even if the type disallows it.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
public sealed class MaybeNullAttribute : Attribute
{
    public MaybeNullAttribute()
    {
    }
}
