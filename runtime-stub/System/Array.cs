namespace System;

using System.Runtime.CompilerServices;

/// <summary>
/// The base class of array types. Roslyn needs it to exist (e.g. for attribute signatures
/// such as <c>Type[]</c> and for <c>Main(string[] args)</c>), but no array is ever created:
/// there is no heap.
/// </summary>
public abstract class Array
{
    /// <summary>
    /// Roslyn binds <c>array.Length</c> to this, then emits the <c>ldlen</c> instruction instead
    /// of a call. Any real call is reported as unsupported (docs/abi.md).
    /// </summary>
    public extern int Length
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        get;
    }
}
