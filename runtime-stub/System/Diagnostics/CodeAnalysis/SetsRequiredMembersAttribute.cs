namespace System.Diagnostics.CodeAnalysis;

/// <summary>The constructor sets all <c>required</c> members, so callers need not.</summary>
[AttributeUsage(AttributeTargets.Constructor, Inherited = false)]
public sealed class SetsRequiredMembersAttribute : Attribute
{
    public SetsRequiredMembersAttribute()
    {
    }
}
