namespace System.Runtime.CompilerServices;

/// <summary>
/// Emitted by Roslyn for C# 14 <c>extension</c> blocks. Declared here so programs do not
/// each embed their own copy.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Event | AttributeTargets.Interface | AttributeTargets.Delegate, Inherited = false)]
public sealed class ExtensionMarkerAttribute : Attribute
{
    public ExtensionMarkerAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
