namespace System;

/// <summary>Marks an enum as a set of bit flags: formatting prints its values as names joined with ", ", as .NET does.</summary>
[AttributeUsage(AttributeTargets.Enum, Inherited = false)]
public class FlagsAttribute : Attribute
{
    public FlagsAttribute()
    {
    }
}
