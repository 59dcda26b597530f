namespace System;

/// <summary>The value <c>ldtoken</c> pushes for a type (<c>ldtoken</c> of a type). Roslyn requires the type; its representation is the compiler's.</summary>
public struct RuntimeTypeHandle
{
}
