namespace System.Diagnostics.CodeAnalysis;

/// <summary>Nullable analysis: the listed members are not null after the method returns.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class MemberNotNullAttribute : Attribute
{
    public MemberNotNullAttribute(string member)
    {
    }

    public MemberNotNullAttribute(params string[] members)
    {
    }
}
