namespace UserAbi;

/// <summary>
/// Why a file-system call failed: the kernel's <c>Kernel.FileSystem.FsError</c>, number for number, returned as
/// <see cref="SystemCallError.FileSystemBase"/> minus the value. <see cref="Describe"/> words them as the kernel
/// shell does (<c>fs: NAME: no such file</c>).
/// </summary>
public enum FileError
{
    None,
    NotFound,
    DiskFull,
    NameTooLong,
    ReadOnly,
    CorruptArchive,
    NotMounted,
    IoError,
    AlreadyExists,
    NotAFile,
    BadName,
    OutOfMemory,
    FileTooLarge,
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
