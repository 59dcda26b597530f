namespace System.Runtime.InteropServices;

/// <summary>A pseudo-attribute Roslyn stores as the parameter's <c>[out]</c> flag.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class OutAttribute : Attribute
{
    public OutAttribute()
    {
    }
}
