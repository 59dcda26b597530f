namespace System.Runtime.CompilerServices;

/// <summary>The <c>modreq</c> Roslyn puts on the type of a <c>volatile</c> field; the compiler makes its loads and stores volatile.</summary>
public static class IsVolatile
{
}
