namespace System;

/// <summary>Read by Roslyn from metadata to validate where attributes are used.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AttributeUsageAttribute : Attribute
{
    public AttributeUsageAttribute(AttributeTargets validOn)
    {
        ValidOn = validOn;
        Inherited = true;
    }

    public AttributeTargets ValidOn { get; }

    public bool AllowMultiple { get; set; }

    public bool Inherited { get; set; }
}
