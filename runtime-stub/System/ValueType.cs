namespace System;

/// <summary>The base class of every struct; Roslyn needs it to define value types.</summary>
public abstract class ValueType
{
}
