namespace System;

/// <summary>The base class of custom attributes. Attributes are metadata only: never constructed at run time.</summary>
public abstract class Attribute
{
    protected Attribute()
    {
    }
}
