namespace System.Runtime.CompilerServices;

/// <summary>Roslyn passes the call's source file path to the parameter.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class CallerFilePathAttribute : Attribute
{
    public CallerFilePathAttribute()
    {
    }
}
