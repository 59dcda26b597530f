namespace System.Diagnostics;

/// <summary>Tells debuggers how to show a member.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class DebuggerBrowsableAttribute : Attribute
{
    public DebuggerBrowsableAttribute(DebuggerBrowsableState state)
    {
        State = state;
    }

    public DebuggerBrowsableState State { get; }
}
