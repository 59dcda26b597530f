namespace UserAbi;

/// <summary>
/// What a failed system call returns in a0 (docs/abi.md, "System calls"): always negative, so that every successful
/// result (a count, a pid, a byte) is zero or more.
/// </summary>
public enum SystemCallError
{
    /// <summary>No such system call (or one reserved for later: readfile, writefile).</summary>
    NoSuchCall = -1,

    /// <summary>A pointer and length that are not all mapped in the process's user memory with the rights the call
    /// needs (readable to be read, writable to be written).</summary>
    BadAddress = -2,

    /// <summary>A length or number out of the call's range.</summary>
    OutOfRange = -3,

    /// <summary>No block device with that number.</summary>
    NoDevice = -4,

    /// <summary>No such program, process or slot.</summary>
    NotFound = -5,

    /// <summary>The process table (or the memory for a new process) is full.</summary>
    NoResources = -6,

    /// <summary>The device failed the request (the kernel prints why).</summary>
    DeviceError = -7,

    /// <summary>The device is read-only.</summary>
    ReadOnly = -8,

    /// <summary>wait() on a process that is not the caller's child.</summary>
    NotChild = -9,

    /// <summary>The file-system calls' errors are FileSystemBase minus a <see cref="FileError"/>: -101 no such file,
    /// -102 disk full, and so on; -106 when blk0 holds no file system.</summary>
    FileSystemBase = -100,
}
