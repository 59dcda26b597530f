namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn: the default nullability for the type references in a scope.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Delegate | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class NullableContextAttribute : Attribute
{
    public readonly byte Flag;

    public NullableContextAttribute(byte value)
    {
        Flag = value;
    }
}
