namespace System.Runtime.CompilerServices;

/// <summary>Names a calling convention in <c>delegate* unmanaged[SuppressGCTransition]</c> and <c>UnmanagedCallersOnly(CallConvs = ...)</c>; used as a type only.</summary>
public class CallConvSuppressGCTransition
{
    public CallConvSuppressGCTransition()
    {
    }
}
