namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn to record tuple element names, e.g. <c>(int Offset, int Length)</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Event | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue | AttributeTargets.Struct)]
public sealed class TupleElementNamesAttribute : Attribute
{
    public TupleElementNamesAttribute(string?[] transformNames)
    {
    }
}
