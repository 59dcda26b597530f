namespace System;

/// <summary>The value <c>ldtoken</c> pushes for a field (<c>ldtoken</c> of a field, e.g. the static data behind <c>RuntimeHelpers.CreateSpan</c>). Roslyn requires the type; its representation is the compiler's.</summary>
public struct RuntimeFieldHandle
{
}
