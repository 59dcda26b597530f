namespace System;

/// <summary>The return type <c>void</c>; Roslyn needs the type to exist.</summary>
public struct Void
{
}
