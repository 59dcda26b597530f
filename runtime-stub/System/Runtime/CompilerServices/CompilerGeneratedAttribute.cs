namespace System.Runtime.CompilerServices;

/// <summary>Emitted by Roslyn on synthesized members (auto-property backing fields, fixed-buffer types...).</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class CompilerGeneratedAttribute : Attribute
{
    public CompilerGeneratedAttribute()
    {
    }
}
