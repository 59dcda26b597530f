namespace System;

/// <summary>Marks an enum as a set of bit flags (documentation only here: enums are never formatted).</summary>
[AttributeUsage(AttributeTargets.Enum, Inherited = false)]
public class FlagsAttribute : Attribute
{
    public FlagsAttribute()
    {
    }
}
