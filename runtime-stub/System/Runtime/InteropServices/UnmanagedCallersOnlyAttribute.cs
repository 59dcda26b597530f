namespace System.Runtime.InteropServices;

/// <summary>
/// Makes a static method callable from C (and usable as <c>delegate* unmanaged</c>). With
/// <see cref="EntryPoint"/> the compiler exports it under that symbol name, which is how the
/// core library provides <c>memcpy</c>, <c>__udivdi3</c>, <c>rvc_trap</c>... (docs/abi.md).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UnmanagedCallersOnlyAttribute : Attribute
{
    public Type[]? CallConvs;
    public string? EntryPoint;

    public UnmanagedCallersOnlyAttribute()
    {
    }
}
