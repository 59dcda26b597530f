namespace Rvc.Diagnostics;

/// <summary>The error codes rvc reports for C# it cannot compile. Each names what is missing from a
/// zero-GC, reflection-free runtime, so the user knows what to write instead.</summary>
internal static class DiagnosticCode
{
    /// <summary>Boxing a value type.</summary>
    public const string Boxing = "RVC0001";
    /// <summary><c>new</c> of a class other than an exception.</summary>
    public const string NewClass = "RVC0002";
    /// <summary>A virtual or interface call that cannot be resolved at compile time.</summary>
    public const string VirtualCall = "RVC0003";
    /// <summary>A catch, filter or fault handler.</summary>
    public const string Catch = "RVC0004";
    /// <summary>Delegates and lambdas.</summary>
    public const string Delegate = "RVC0005";
    /// <summary>Arrays.</summary>
    public const string Array = "RVC0006";
    /// <summary>Any other unsupported IL instruction, type or library method.</summary>
    public const string Unsupported = "RVC0007";
    /// <summary>A misuse of an intrinsic, e.g. a CSR number that is not a constant.</summary>
    public const string Intrinsic = "RVC0008";
    /// <summary>A problem with the program as a whole: no entry point, a missing reference.</summary>
    public const string Program = "RVC0009";
}
