namespace Kernel.FileSystem;

/// <summary>What a file-system call can fail with. Distinct values, so that the future system calls can hand them to
/// user programs as they are (negated, say); <see cref="FsErrors.Describe"/> gives the text the shell prints.</summary>
public enum FsError
{
    None,

    /// <summary>No file or directory of that name.</summary>
    NotFound,

    /// <summary>The disk has no room for the data, or for the flush's log.</summary>
    DiskFull,

    /// <summary>The name does not fit a ustar header (at most 100 bytes, or a 155-byte prefix, '/', 100 bytes).</summary>
    NameTooLong,

    /// <summary>The disk is read-only.</summary>
    ReadOnly,

    /// <summary>The archive has a bad header: the entries before it can be read, nothing can be written.</summary>
    CorruptArchive,

    /// <summary>No archive is mounted (blk0 holds no ustar archive, or there is no disk).</summary>
    NotMounted,

    /// <summary>The block device failed a request (its own error is <see cref="TarFileSystem.LastDeviceError"/>).</summary>
    IoError,

    /// <summary><c>create</c> of a name that exists.</summary>
    AlreadyExists,

    /// <summary>A read or write of a directory, or of an entry that is not a regular file (a link, a device...).</summary>
    NotAFile,

    /// <summary>The name is empty, starts with '/', or holds a NUL or a control character.</summary>
    BadName,

    /// <summary>The page allocator has nothing left for the index.</summary>
    OutOfMemory,

    /// <summary>A file of 8 GiB or more: ustar's 11 octal digits of size cannot say it.</summary>
    FileTooLarge,

    /// <summary>A directory that still has entries under it.</summary>
    DirectoryNotEmpty,
}

public static class FsErrors
{
    public static string Describe(FsError error) => error switch
    {
        FsError.None => "no error",
        FsError.NotFound => "no such file",
        FsError.DiskFull => "disk full",
        FsError.NameTooLong => "name too long (ustar: 100 bytes, or 155 + '/' + 100)",
        FsError.ReadOnly => "read-only disk",
        FsError.CorruptArchive => "corrupt archive (see the mount message)",
        FsError.NotMounted => "no file system mounted",
        FsError.IoError => "disk error",
        FsError.AlreadyExists => "file exists",
        FsError.NotAFile => "not a regular file",
        FsError.BadName => "bad name",
        FsError.OutOfMemory => "out of memory",
        FsError.FileTooLarge => "file too large (ustar: below 8 GiB)",
        FsError.DirectoryNotEmpty => "directory not empty",
        _ => "unknown error",
    };
}
