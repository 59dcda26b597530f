namespace System;

/// <summary>Roslyn requires the type as the base of delegate types; see <see cref="Delegate"/>.</summary>
public abstract class MulticastDelegate : Delegate
{
}
