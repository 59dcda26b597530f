namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn: the nullability of a type reference (0 oblivious, 1 not null, 2 nullable).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Event | AttributeTargets.Field | AttributeTargets.GenericParameter | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = false)]
public sealed class NullableAttribute : Attribute
{
    public readonly byte[] NullableFlags;

    public NullableAttribute(byte value)
    {
        // Attributes are never constructed at run time (no reflection, no heap); only the
        // constructor signatures matter to Roslyn.
        NullableFlags = null!;
    }

    public NullableAttribute(byte[] value)
    {
        NullableFlags = value;
    }
}
