namespace System.Runtime.CompilerServices;

/// <summary>
/// Roslyn enables language features only when the core library declares the matching
/// constant here (the values are irrelevant; the names are what it looks for).
/// </summary>
public static class RuntimeFeature
{
    /// <summary><c>nint</c>/<c>nuint</c> are <c>IntPtr</c>/<c>UIntPtr</c> with full arithmetic.</summary>
    public const string NumericIntPtr = nameof(NumericIntPtr);

    /// <summary>Static abstract and static virtual interface members.</summary>
    public const string VirtualStaticsInInterfaces = nameof(VirtualStaticsInInterfaces);

    /// <summary>Interface members with bodies.</summary>
    public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);

    /// <summary><c>delegate* unmanaged</c> without an explicit calling convention.</summary>
    public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);

    /// <summary><c>ref</c> fields (Span's <c>_reference</c>).</summary>
    public const string ByRefFields = nameof(ByRefFields);

    /// <summary><c>allows ref struct</c> generic parameters.</summary>
    public const string ByRefLikeGenerics = nameof(ByRefLikeGenerics);

    /// <summary>Covariant return types.</summary>
    public const string CovariantReturnsOfClasses = nameof(CovariantReturnsOfClasses);
}
