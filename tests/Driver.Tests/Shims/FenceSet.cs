namespace System.Runtime.Intrinsics.RiscV;

/// <summary>The core library's <c>FenceSet</c>, same values (the instruction's encoding).</summary>
[Flags]
public enum FenceSet
{
    W = 1,
    R = 2,
    O = 4,
    I = 8,
}
