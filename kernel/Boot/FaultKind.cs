namespace Kernel.Boot;

/// <summary>The deliberate faults of the <c>fault=</c> test mode (<see cref="FaultTest"/>).</summary>
public enum FaultKind
{
    None,

    /// <summary><c>fault=unmapped</c>: a load from the kernel stack's guard page.</summary>
    Unmapped,

    /// <summary><c>fault=exec-data</c>: a jump into a data page (R|W, not X).</summary>
    ExecuteData,

    /// <summary><c>fault=write-text</c>: a store into the kernel's text (R|X, not W).</summary>
    WriteText,
}
