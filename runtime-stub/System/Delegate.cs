namespace System;

/// <summary>Roslyn requires the type; delegates themselves need the heap, so none can be created. Use function pointers.</summary>
public abstract class Delegate
{
}
