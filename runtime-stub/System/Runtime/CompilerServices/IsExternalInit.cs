namespace System.Runtime.CompilerServices;

/// <summary>The <c>modreq</c> Roslyn puts on <c>init</c> accessors.</summary>
public static class IsExternalInit
{
}
