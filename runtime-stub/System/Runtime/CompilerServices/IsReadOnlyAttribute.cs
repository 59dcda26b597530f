namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn for <c>readonly struct</c>, <c>in</c> parameters and <c>ref readonly</c> returns.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class IsReadOnlyAttribute : Attribute
{
    public IsReadOnlyAttribute()
    {
    }
}
