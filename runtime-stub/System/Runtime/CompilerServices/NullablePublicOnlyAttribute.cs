namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn on a module whose nullable metadata covers only its public API.</summary>
[AttributeUsage(AttributeTargets.Module, AllowMultiple = false, Inherited = false)]
public sealed class NullablePublicOnlyAttribute : Attribute
{
    public readonly bool IncludesInternals;

    public NullablePublicOnlyAttribute(bool value)
    {
        IncludesInternals = value;
    }
}
