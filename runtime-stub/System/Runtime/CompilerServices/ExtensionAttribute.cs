namespace System.Runtime.CompilerServices;

/// <summary>Marks extension methods and their classes.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Assembly, Inherited = false)]
public sealed class ExtensionAttribute : Attribute
{
    public ExtensionAttribute()
    {
    }
}
