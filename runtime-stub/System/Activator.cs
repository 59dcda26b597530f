namespace System;

using System.Runtime.CompilerServices;

/// <summary>Roslyn compiles <c>new T()</c> for a type parameter to <see cref="CreateInstance{T}"/>.</summary>
public static class Activator
{
    /// <summary>
    /// An intrinsic (docs/abi.md): a zeroed <typeparamref name="T"/> on which the compiler runs
    /// T's parameterless constructor if it declares one (C# 10 struct constructors, field initializers).
    /// </summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    public static extern T CreateInstance<T>() where T : allows ref struct;
}
