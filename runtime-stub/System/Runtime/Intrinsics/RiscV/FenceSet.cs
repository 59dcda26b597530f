namespace System.Runtime.Intrinsics.RiscV;

/// <summary>The predecessor/successor sets of a RISC-V <c>fence</c>; the values are the instruction's bit encoding.</summary>
[Flags]
public enum FenceSet
{
    /// <summary>Memory writes.</summary>
    W = 1,

    /// <summary>Memory reads.</summary>
    R = 2,

    /// <summary>Device output.</summary>
    O = 4,

    /// <summary>Device input.</summary>
    I = 8,
}
