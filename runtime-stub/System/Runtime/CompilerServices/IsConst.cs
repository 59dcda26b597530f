namespace System.Runtime.CompilerServices;

/// <summary>The <c>modopt</c> C++/CLI puts on const types; Roslyn recognizes it.</summary>
public static class IsConst
{
}
