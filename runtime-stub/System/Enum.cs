namespace System;

/// <summary>The base class of every enum. Enums are plain integers to the compiler, so it is empty.</summary>
public abstract class Enum : ValueType
{
}
