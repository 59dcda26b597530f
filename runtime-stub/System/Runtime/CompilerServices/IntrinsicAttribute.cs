namespace System.Runtime.CompilerServices;

/// <summary>
/// Documents that the compiler implements the members of a type itself (the InternalCall
/// externs of docs/abi.md). Internal, as in CoreCLR: user code cannot define intrinsics.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Field, Inherited = false)]
internal sealed class IntrinsicAttribute : Attribute
{
}
