namespace System.Diagnostics;

/// <summary>Debuggers do not stop in the member.</summary>
[AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class DebuggerHiddenAttribute : Attribute
{
    public DebuggerHiddenAttribute()
    {
    }
}
