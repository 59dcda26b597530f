namespace System;

/// <summary>The value <c>ldtoken</c> pushes for a method (<c>ldtoken</c> of a method). Roslyn requires the type; its representation is the compiler's.</summary>
public struct RuntimeMethodHandle
{
}
