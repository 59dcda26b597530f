namespace System.Runtime.CompilerServices;

/// <summary>A pseudo-attribute: Roslyn stores it as the method's implementation flags, not as an attribute.</summary>
[AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
public sealed class MethodImplAttribute : Attribute
{
    public MethodCodeType MethodCodeType;

    public MethodImplAttribute()
    {
    }

    public MethodImplAttribute(MethodImplOptions methodImplOptions)
    {
        Value = methodImplOptions;
    }

    public MethodImplAttribute(short value)
    {
        Value = (MethodImplOptions)value;
    }

    public MethodImplOptions Value { get; }
}
