namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn on the nested struct that holds a fixed-size buffer.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class UnsafeValueTypeAttribute : Attribute
{
    public UnsafeValueTypeAttribute()
    {
    }
}
