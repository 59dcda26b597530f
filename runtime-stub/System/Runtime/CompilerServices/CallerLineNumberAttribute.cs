namespace System.Runtime.CompilerServices;

/// <summary>Roslyn passes the call's line number to the parameter.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class CallerLineNumberAttribute : Attribute
{
    public CallerLineNumberAttribute()
    {
    }
}
