namespace Kernel.Memory.Paging;

/// <summary>Why <see cref="PageTable{TMode, TMemory}.Map"/> refused.</summary>
public enum MapError
{
    None,

    /// <summary>The virtual or physical address (or the size) is not a multiple of 4 KiB.</summary>
    Misaligned,

    /// <summary>The address does not fit the mode (Sv39: a canonical 39-bit address, 56-bit physical; Sv32: 34-bit physical).</summary>
    OutOfRange,

    /// <summary>The page is mapped already.</summary>
    AlreadyMapped,

    /// <summary>No R, W or X, W without R (reserved), or a flag other than R W X U G.</summary>
    BadPermissions,

    /// <summary>No page for an intermediate table.</summary>
    OutOfMemory,
}
