namespace System.Runtime.CompilerServices;

/// <summary>Roslyn passes the calling member's name to the parameter.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class CallerMemberNameAttribute : Attribute
{
    public CallerMemberNameAttribute()
    {
    }
}
