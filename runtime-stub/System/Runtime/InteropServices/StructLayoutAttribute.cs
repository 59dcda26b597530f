namespace System.Runtime.InteropServices;

/// <summary>A pseudo-attribute: Roslyn stores it as the type's layout flags and ClassLayout (Pack, Size), which the compiler honours.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class StructLayoutAttribute : Attribute
{
    public int Pack;
    public int Size;
    public CharSet CharSet;

    public StructLayoutAttribute(LayoutKind layoutKind)
    {
        Value = layoutKind;
    }

    public StructLayoutAttribute(short layoutKind)
    {
        Value = (LayoutKind)layoutKind;
    }

    public LayoutKind Value { get; }
}
