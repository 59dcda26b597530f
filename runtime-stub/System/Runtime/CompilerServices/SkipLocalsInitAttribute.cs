namespace System.Runtime.CompilerServices;

/// <summary>Roslyn then omits the <c>localsinit</c> flag: locals and <c>stackalloc</c> memory are not zeroed.</summary>
[AttributeUsage(AttributeTargets.Module | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Event, Inherited = false)]
public sealed class SkipLocalsInitAttribute : Attribute
{
    public SkipLocalsInitAttribute()
    {
    }
}
