namespace Internal.Runtime;

/// <summary>The machine a program was compiled for; the values are part of docs/abi.md.</summary>
public enum TargetArch
{
    /// <summary>x86_64 Linux, freestanding.</summary>
    Host = 0,

    /// <summary>rv32gc on QEMU virt.</summary>
    RiscV32 = 1,

    /// <summary>rv64gc on QEMU virt.</summary>
    RiscV64 = 2,
}
