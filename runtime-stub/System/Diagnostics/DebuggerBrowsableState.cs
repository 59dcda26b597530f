namespace System.Diagnostics;

/// <summary>How a debugger shows a member; Roslyn emits <see cref="Never"/> on some synthesized fields.</summary>
public enum DebuggerBrowsableState
{
    Never = 0,
    Collapsed = 2,
    RootHidden = 3,
}
