namespace System.Runtime.InteropServices;

/// <summary>A pseudo-attribute for parameters; Roslyn also uses the type as the <c>modreq</c> of <c>in</c>/<c>ref readonly</c> on virtual members.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class InAttribute : Attribute
{
    public InAttribute()
    {
    }
}
