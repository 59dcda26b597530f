namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable analysis: the output is not null even if the type allows it.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
public sealed class NotNullAttribute : Attribute
{
    public NotNullAttribute()
    {
    }
}
