namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn on every module: the ref-safety rules version it was compiled with (11).</summary>
[AttributeUsage(AttributeTargets.Module, AllowMultiple = false, Inherited = false)]
public sealed class RefSafetyRulesAttribute : Attribute
{
    public RefSafetyRulesAttribute(int version)
    {
        Version = version;
    }

    public int Version { get; }
}
