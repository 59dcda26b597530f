namespace System.Reflection;

/// <summary>Roslyn puts it on every type that declares an indexer (naming the indexer property).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
public sealed class DefaultMemberAttribute : Attribute
{
    public DefaultMemberAttribute(string memberName)
    {
        MemberName = memberName;
    }

    public string MemberName { get; }
}
