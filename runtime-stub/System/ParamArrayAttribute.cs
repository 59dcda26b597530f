namespace System;

/// <summary>Emitted by Roslyn on <c>params T[]</c> parameters (declaring one is allowed; calling it needs an array, which cannot exist).</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class ParamArrayAttribute : Attribute
{
    public ParamArrayAttribute()
    {
    }
}
