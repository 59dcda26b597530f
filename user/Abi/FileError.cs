namespace UserAbi;

/// <summary>
/// What a file-system call can fail with: the kernel's file system returns these (it calls them <c>FsError</c>,
/// kernel/FileSystem/FsError.cs) and a system call hands them to the user program as they are, as
/// <see cref="SystemCallError.FileSystemBase"/> minus the value. <see cref="FileErrors.Describe"/> gives the text both
/// shells print (<c>fs: NAME: no such file</c>).
/// </summary>
public enum FileError
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

    /// <summary>The block device failed a request (the kernel keeps its own error, <c>TarFileSystem.LastDeviceError</c>).</summary>
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

public static class FileErrors
{
    /// <summary>The error a system call's negative result stands for, if it is a file-system one.</summary>
    public static bool TryFromResult(nint result, out FileError error)
    {
        error = (FileError)(int)((nint)SystemCallError.FileSystemBase - result);
        return result < (nint)SystemCallError.FileSystemBase && error > FileError.None && error <= FileError.DirectoryNotEmpty;
    }

    public static string Describe(FileError error) => error switch
    {
        FileError.None => "no error",
        FileError.NotFound => "no such file",
        FileError.DiskFull => "disk full",
        FileError.NameTooLong => "name too long (ustar: 100 bytes, or 155 + '/' + 100)",
        FileError.ReadOnly => "read-only disk",
        FileError.CorruptArchive => "corrupt archive (see the mount message)",
        FileError.NotMounted => "no file system mounted",
        FileError.IoError => "disk error",
        FileError.AlreadyExists => "file exists",
        FileError.NotAFile => "not a regular file",
        FileError.BadName => "bad name",
        FileError.OutOfMemory => "out of memory",
        FileError.FileTooLarge => "file too large (ustar: below 8 GiB)",
        FileError.DirectoryNotEmpty => "directory not empty",
        _ => "unknown error",
    };
}
