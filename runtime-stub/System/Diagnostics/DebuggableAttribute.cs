namespace System.Diagnostics;

/// <summary>Roslyn puts it on Debug-built assemblies to describe the code to debuggers.</summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Module, AllowMultiple = false)]
public sealed class DebuggableAttribute : Attribute
{
    public DebuggableAttribute(bool isJITTrackingEnabled, bool isJITOptimizerDisabled)
    {
        DebuggingFlags = (isJITTrackingEnabled ? DebuggingModes.Default : 0) | (isJITOptimizerDisabled ? DebuggingModes.DisableOptimizations : 0);
    }

    public DebuggableAttribute(DebuggingModes modes)
    {
        DebuggingFlags = modes;
    }

    public DebuggingModes DebuggingFlags { get; }

    [Flags]
    public enum DebuggingModes
    {
        None = 0x0,
        Default = 0x1,
        IgnoreSymbolStoreSequencePoints = 0x2,
        EnableEditAndContinue = 0x4,
        DisableOptimizations = 0x100,
    }
}
