namespace System.Runtime.CompilerServices;

/// <summary>Marks a type Roslyn may build an interpolated string into, piece by piece (C# 10's handler pattern).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class InterpolatedStringHandlerAttribute : Attribute
{
}
