namespace System.Runtime.InteropServices;

/// <summary>A pseudo-attribute: Roslyn stores it as the field's offset in an explicit-layout type.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class FieldOffsetAttribute : Attribute
{
    public FieldOffsetAttribute(int offset)
    {
        Value = offset;
    }

    public int Value { get; }
}
