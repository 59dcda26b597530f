namespace Kernel.Processes;

using System;
using Kernel.Drivers.Virtio;
using Kernel.FileSystem;
using Kernel.Platform;
using Kernel.Shell;
using Kernel.Storage;
using UserAbi;

/// <summary>
/// The file-system system calls (docs/abi.md; issue 11): readfile, writefile, fsentry, fsdelete, fsmkdir, fssync over
/// the tar file system the boot mounted on blk0 (<see cref="FileCommands"/>, kernel/FileSystem/README.md). Names and
/// data are copied through the kernel's memory after the usual checks, under the block layer's lock
/// (<see cref="BlockCalls"/>). A file-system error comes back as <see cref="SystemCallError.FileSystemBase"/> minus
/// its <see cref="FsError"/>.
/// </summary>
public static unsafe class FileCalls
{
    const int NameCapacity = FileInfo.NameCapacity;

    public static nint ReadFile(nuint name, nuint nameLength, nuint user, nuint length, nuint offset) => BlockCalls.UsesInterrupts
        ? ReadFile<InterruptWait>(name, nameLength, user, length, offset)
        : ReadFile<PollingWait>(name, nameLength, user, length, offset);

    /// <summary>writefile (the content replaced) or, with <paramref name="append"/>, appendfile (added at the end).</summary>
    public static nint WriteFile(nuint name, nuint nameLength, nuint user, nuint length, bool append) => BlockCalls.UsesInterrupts
        ? WriteFile<InterruptWait>(name, nameLength, user, length, append)
        : WriteFile<PollingWait>(name, nameLength, user, length, append);

    public static nint Sync(bool book) => BlockCalls.UsesInterrupts ? Sync<InterruptWait>(book) : Sync<PollingWait>(book);

    public static nint Entry(nuint position, nuint user)
    {
        if (!FileCommands.IsMounted)
        {
            return Error(FsError.NotMounted);
        }

        if (!UserMemory.IsAccessible(user, (nuint)sizeof(FileInfo), write: true))
        {
            return (nint)SystemCallError.BadAddress;
        }

        if (position > int.MaxValue)
        {
            return (nint)SystemCallError.NotFound;
        }

        ref TarFileSystem fs = ref FileCommands.FileSystem;
        int found = fs.NextEntry((int)position);
        if (found < 0)
        {
            return (nint)SystemCallError.NotFound;
        }

        FileInfo info = default;
        var name = new Span<byte>(info.Name, NameCapacity);
        fs.GetEntry(found, name, out int nameLength, out EntryKind kind, out ulong size);
        info.Size = size;
        info.Kind = kind == EntryKind.Regular ? FileInfo.KindRegular : kind == EntryKind.Directory ? FileInfo.KindDirectory : FileInfo.KindOther;
        info.NameLength = nameLength;
        return UserMemory.CopyOut(user, &info, (nuint)sizeof(FileInfo)) ? found : (nint)SystemCallError.BadAddress;
    }

    public static nint Delete(nuint name, nuint nameLength)
    {
        byte* copy = stackalloc byte[NameCapacity];
        nint checkedName = CopyName(name, nameLength, copy);
        if (checkedName < 0)
        {
            return checkedName;
        }

        return Error(FileCommands.FileSystem.Delete(new ReadOnlySpan<byte>(copy, (int)nameLength)));
    }

    public static nint MakeDirectory(nuint name, nuint nameLength)
    {
        byte* copy = stackalloc byte[NameCapacity];
        nint checkedName = CopyName(name, nameLength, copy);
        if (checkedName < 0)
        {
            return checkedName;
        }

        return Error(FileCommands.FileSystem.Create(new ReadOnlySpan<byte>(copy, (int)nameLength), EntryKind.Directory));
    }

    static nint ReadFile<TWait>(nuint name, nuint nameLength, nuint user, nuint length, nuint offset)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        byte* copy = stackalloc byte[NameCapacity];
        nint checkedName = CopyName(name, nameLength, copy);
        if (checkedName < 0)
        {
            return checkedName;
        }

        if (length > BlockCalls.MaxTransfer)
        {
            length = BlockCalls.MaxTransfer;
        }

        if (!UserMemory.IsAccessible(user, length, write: true))
        {
            return (nint)SystemCallError.BadAddress;
        }

        BlockCalls.Lock();
        FsError error = FileCommands.FileSystem.ReadFile(ref BlockCalls.Table<TWait>()[0].Driver, new ReadOnlySpan<byte>(copy, (int)nameLength),
            offset, new Span<byte>(BlockCalls.Bounce, (int)length), out int read);
        if (error == FsError.None)
        {
            UserMemory.CopyOut(user, BlockCalls.Bounce, (nuint)read);
        }

        BlockCalls.Unlock();
        return error == FsError.None ? read : Error(error);
    }

    static nint WriteFile<TWait>(nuint name, nuint nameLength, nuint user, nuint length, bool append)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        byte* copy = stackalloc byte[NameCapacity];
        nint checkedName = CopyName(name, nameLength, copy);
        if (checkedName < 0)
        {
            return checkedName;
        }

        if (length > BlockCalls.MaxTransfer)
        {
            return (nint)SystemCallError.OutOfRange;
        }

        if (!UserMemory.IsAccessible(user, length, write: false))
        {
            return (nint)SystemCallError.BadAddress;
        }

        BlockCalls.Lock();
        UserMemory.CopyIn(BlockCalls.Bounce, user, length);
        var fileName = new ReadOnlySpan<byte>(copy, (int)nameLength);
        var data = new ReadOnlySpan<byte>(BlockCalls.Bounce, (int)length);
        FsError error = append
            ? FileCommands.FileSystem.Append(ref BlockCalls.Table<TWait>()[0].Driver, fileName, data)
            : FileCommands.FileSystem.WriteFile(ref BlockCalls.Table<TWait>()[0].Driver, fileName, data);
        BlockCalls.Unlock();
        return error == FsError.None ? (nint)length : Error(error);
    }

    static nint Sync<TWait>(bool book)
        where TWait : struct, ICompletionWait, IWaitCounters
    {
        if (!FileCommands.IsMounted)
        {
            return Error(FsError.NotMounted);
        }

        BlockCalls.Lock();
        bool done = FileCommands.Sync(ref BlockCalls.Table<TWait>(), book);
        BlockCalls.Unlock();
        // Sync printed what went wrong.
        return done ? 0 : Error(FsError.IoError);
    }

    /// <summary>Copies a name (1 to 256 bytes) from user memory; 0, or the error (a bad pointer first, then no file
    /// system).</summary>
    static nint CopyName(nuint name, nuint nameLength, byte* copy)
    {
        if (nameLength == 0)
        {
            return Error(FsError.BadName);
        }

        if (nameLength > NameCapacity)
        {
            return Error(FsError.NameTooLong);
        }

        if (!UserMemory.CopyIn(copy, name, nameLength))
        {
            return (nint)SystemCallError.BadAddress;
        }

        return FileCommands.IsMounted ? 0 : Error(FsError.NotMounted);
    }

    static nint Error(FsError error) => error == FsError.None ? 0 : (nint)SystemCallError.FileSystemBase - (nint)error;
}
