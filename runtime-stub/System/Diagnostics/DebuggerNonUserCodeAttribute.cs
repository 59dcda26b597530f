namespace System.Diagnostics;

/// <summary>Debuggers treat the code as not written by the user.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class DebuggerNonUserCodeAttribute : Attribute
{
    public DebuggerNonUserCodeAttribute()
    {
    }
}
