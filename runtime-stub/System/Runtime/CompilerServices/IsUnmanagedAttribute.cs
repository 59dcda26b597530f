namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn on type parameters with the <c>unmanaged</c> constraint.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class IsUnmanagedAttribute : Attribute
{
    public IsUnmanagedAttribute()
    {
    }
}
