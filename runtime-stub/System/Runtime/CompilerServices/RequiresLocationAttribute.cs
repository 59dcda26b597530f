namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn on <c>ref readonly</c> parameters.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class RequiresLocationAttribute : Attribute
{
    public RequiresLocationAttribute()
    {
    }
}
