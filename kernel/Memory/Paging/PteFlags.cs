namespace Kernel.Memory.Paging;

using System;

/// <summary>
/// The low eight bits of a page-table entry, the same in Sv32 and Sv39 (privileged specification 1.12, figures 4.18
/// and 4.21): V valid, R readable, W writable, X executable, U user-accessible, G global, A accessed, D dirty.
/// R = W = X = 0 marks a pointer to the next level; W without R is reserved.
/// </summary>
[Flags]
public enum PteFlags : uint
{
    None = 0,
    V = 1 << 0,
    R = 1 << 1,
    W = 1 << 2,
    X = 1 << 3,
    U = 1 << 4,
    G = 1 << 5,
    A = 1 << 6,
    D = 1 << 7,

    /// <summary>The permission bits.</summary>
    Rwx = R | W | X,

    /// <summary>Every flag bit (bits 0-7).</summary>
    All = 0xFF,
}
