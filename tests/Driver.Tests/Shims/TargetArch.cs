namespace Internal.Runtime;

/// <summary>The core library's <c>Internal.Runtime.TargetArch</c>, same values (docs/abi.md).</summary>
public enum TargetArch
{
    Host = 0,
    RiscV32 = 1,
    RiscV64 = 2,
}
