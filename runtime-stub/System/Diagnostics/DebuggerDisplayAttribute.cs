namespace System.Diagnostics;

/// <summary>Tells debuggers how to summarize a value.</summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Delegate, AllowMultiple = true)]
public sealed class DebuggerDisplayAttribute : Attribute
{
    public DebuggerDisplayAttribute(string? value)
    {
        Value = value ?? "";
    }

    public string Value { get; }

    public string? Name { get; set; }

    public string? Type { get; set; }
}
