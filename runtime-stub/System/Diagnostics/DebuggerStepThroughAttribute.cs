namespace System.Diagnostics;

/// <summary>Debuggers step over the code (Roslyn emits it on some synthesized code).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
public sealed class DebuggerStepThroughAttribute : Attribute
{
    public DebuggerStepThroughAttribute()
    {
    }
}
