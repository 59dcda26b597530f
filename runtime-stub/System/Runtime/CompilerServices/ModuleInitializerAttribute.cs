namespace System.Runtime.CompilerServices;

/// <summary>Marks a method Roslyn calls from the module constructor.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ModuleInitializerAttribute : Attribute
{
    public ModuleInitializerAttribute()
    {
    }
}
