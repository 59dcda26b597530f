namespace System.Runtime.CompilerServices;

/// <summary>Names a calling convention in <c>delegate* unmanaged[Cdecl]</c> and <c>UnmanagedCallersOnly(CallConvs = ...)</c>; used as a type only.</summary>
public class CallConvCdecl
{
    public CallConvCdecl()
    {
    }
}
