namespace Kernel.FileSystem;

using System;
using Kernel.Drivers.Block;
using Kernel.Drivers.Virtio;

/// <summary>
/// The tar file system (kernel/FileSystem/README.md): the disk holds a POSIX ustar archive from offset 0; the kernel
/// keeps an index of its entries in memory (<see cref="FileIndex"/>) and reads file data from the disk on demand.
/// Writes go to a staging area past the archive; <see cref="Sync"/> makes them part of the archive through a redo log
/// (TarFileSystem.Flush.cs), so that a power cut leaves the archive as before or as after the flush.
/// <para>
/// The calls are those the system calls will make: <see cref="ReadFile"/>, <see cref="WriteFile"/>,
/// <see cref="Append"/>, <see cref="Create"/>, <see cref="Delete"/>, <see cref="Sync"/>, and the listing
/// (<see cref="NextEntry"/>, <see cref="GetEntry"/>). Each takes the block device by <c>ref</c> (any
/// <see cref="IBlockDevice"/>: the virtio driver in the kernel, a memory disk in the host tests) and returns an
/// <see cref="FsError"/>. Buffers handed in must be reachable by the device (no MMU: any RAM).
/// </para>
/// </summary>
public unsafe partial struct TarFileSystem
{
    /// <summary>The largest single request: 128 sectors.</summary>
    public const int TransferBytes = 64 * 1024;

    const int SectorSize = TarHeader.Size;

    FileIndex _index;

    // TransferBytes for multi-sector reads and writes; then a page of scratch: a header being built at 0, a bounce
    // sector for unaligned transfers at 512, the commit record at 1024.
    byte* _buffer;
    byte* _scratch;

    ulong _capacitySectors;

    // Byte offsets: where the committed archive's end-of-archive blocks start, where the next staged write goes.
    ulong _entriesEnd;
    ulong _stageNext;

    bool _mounted;
    bool _readOnly;
    bool _corrupt;
    bool _failed;
    bool _dirty;
    ulong _flushes;
    BlockError _lastDeviceError;

    public readonly bool IsMounted => _mounted;

    public readonly bool IsReadOnly => _readOnly;

    /// <summary>Something changed since the last flush.</summary>
    public readonly bool IsDirty => _dirty;

    /// <summary>The device's error behind the last <see cref="FsError.IoError"/>.</summary>
    public readonly BlockError LastDeviceError => _lastDeviceError;

    /// <summary>Bytes the committed archive takes, its end-of-archive blocks included.</summary>
    public readonly ulong ArchiveBytes => _entriesEnd + 2 * SectorSize;

    Span<byte> Buffer => new Span<byte>(_buffer, TransferBytes);

    Span<byte> HeaderScratch => new Span<byte>(_scratch, SectorSize);

    Span<byte> Bounce => new Span<byte>(_scratch + SectorSize, SectorSize);

    Span<byte> RecordScratch => new Span<byte>(_scratch + 2 * SectorSize, SectorSize);

    /// <summary>The last byte staging and the log may use: the last sector is the commit record's.</summary>
    readonly ulong UsableEnd => (_capacitySectors - 1) * SectorSize;

    // ---- Lookup and listing ----

    /// <summary>The position of the live entry called <paramref name="name"/> (the last one, as tar extracts), or -1.</summary>
    public readonly int Find(ReadOnlySpan<byte> name)
    {
        int found = -1;
        for (int i = 0; i < _index.Count; i++)
        {
            FileEntry* entry = _index.At(i);
            if (entry->Live && TarNames.Matches(new ReadOnlySpan<byte>(entry->Name, entry->NameLength), name))
            {
                found = i;
            }
        }

        return found;
    }

    /// <summary>The first live entry at or after <paramref name="position"/>, or -1: <c>for (int p = fs.NextEntry(0);
    /// p >= 0; p = fs.NextEntry(p + 1))</c> lists the archive in order.</summary>
    public readonly int NextEntry(int position)
    {
        if (!_mounted)
        {
            return -1;
        }

        for (int i = position < 0 ? 0 : position; i < _index.Count; i++)
        {
            if (_index.At(i)->Live)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The entry at <paramref name="position"/>: its name copied to <paramref name="name"/> (at most
    /// <see cref="TarNames.MaxLength"/> bytes; cut to its length), kind and size.</summary>
    public readonly FsError GetEntry(int position, Span<byte> name, out int nameLength, out EntryKind kind, out ulong size)
    {
        nameLength = 0;
        kind = EntryKind.Other;
        size = 0;
        if (!_mounted)
        {
            return FsError.NotMounted;
        }

        if ((uint)position >= (uint)_index.Count || !_index.At(position)->Live)
        {
            return FsError.NotFound;
        }

        FileEntry* entry = _index.At(position);
        ReadOnlySpan<byte> stored = new ReadOnlySpan<byte>(entry->Name, entry->NameLength);
        nameLength = stored.Length < name.Length ? stored.Length : name.Length;
        stored.Slice(0, nameLength).CopyTo(name);
        kind = entry->Kind;
        size = entry->Size;
        return FsError.None;
    }

    /// <summary>The kind and size of the entry called <paramref name="name"/>.</summary>
    public readonly FsError Stat(ReadOnlySpan<byte> name, out EntryKind kind, out ulong size)
    {
        kind = EntryKind.Other;
        size = 0;
        if (!_mounted)
        {
            return FsError.NotMounted;
        }

        int position = Find(name);
        if (position < 0)
        {
            return FsError.NotFound;
        }

        kind = _index.At(position)->Kind;
        size = _index.At(position)->Size;
        return FsError.None;
    }

    // ---- Reading ----

    /// <summary>The book's <c>readfile(name, buf, len)</c>: reads the file from its start into
    /// <paramref name="buffer"/>, as much as fits; <paramref name="read"/> says how much.</summary>
    public FsError ReadFile<TDevice>(ref TDevice device, ReadOnlySpan<byte> name, Span<byte> buffer, out int read)
        where TDevice : struct, IBlockDevice => ReadFile(ref device, name, 0, buffer, out read);

    /// <summary>Reads from byte <paramref name="offset"/> of the file; 0 bytes at or past its end.</summary>
    public FsError ReadFile<TDevice>(ref TDevice device, ReadOnlySpan<byte> name, ulong offset, Span<byte> buffer, out int read)
        where TDevice : struct, IBlockDevice
    {
        read = 0;
        FsError error = CheckReadable();
        if (error != FsError.None)
        {
            return error;
        }

        int position = Find(name);
        if (position < 0)
        {
            return FsError.NotFound;
        }

        FileEntry* entry = _index.At(position);
        if (entry->Kind != EntryKind.Regular)
        {
            return FsError.NotAFile;
        }

        if (offset >= entry->Size)
        {
            return FsError.None;
        }

        ulong left = entry->Size - offset;
        int total = left < (ulong)buffer.Length ? (int)left : buffer.Length;
        ulong start = entry->DataOffset + offset;
        while (read < total)
        {
            int piece = total - read < TransferBytes ? total - read : TransferBytes;
            BlockError failure = BlockIo.ReadBytes(ref device, start + (ulong)read, buffer.Slice(read, piece), Bounce);
            if (failure != BlockError.None)
            {
                return DeviceFailed(failure);
            }

            read += piece;
        }

        return FsError.None;
    }

    // ---- Writing: to the staging area, until Sync ----

    /// <summary>The book's <c>writefile(name, buf, len)</c>: the file's content becomes <paramref name="data"/>; the
    /// file is created when missing. Durable after <see cref="Sync"/>.</summary>
    public FsError WriteFile<TDevice>(ref TDevice device, ReadOnlySpan<byte> name, ReadOnlySpan<byte> data)
        where TDevice : struct, IBlockDevice
    {
        FsError error = CheckWritable();
        if (error == FsError.None)
        {
            error = TarNames.Validate(name);
        }

        if (error != FsError.None)
        {
            return error;
        }

        // Refused before anything changes: the file keeps its old content.
        if ((ulong)data.Length > TarHeader.MaxFileSize)
        {
            return FsError.FileTooLarge;
        }

        if (_stageNext > UsableEnd || FileEntry.RoundUp((ulong)data.Length) > UsableEnd - _stageNext)
        {
            return FsError.DiskFull;
        }

        int position = Find(name);
        FileEntry* entry;
        FileEntry before = default;
        if (position >= 0)
        {
            entry = _index.At(position);
            if (entry->Kind != EntryKind.Regular)
            {
                return FsError.NotAFile;
            }

            before = *entry;
        }
        else
        {
            error = AddEntry(name, EntryKind.Regular, out entry);
            if (error != FsError.None)
            {
                return error;
            }
        }

        // Empty, and the last thing staged: AppendTo writes right after the staged bytes.
        entry->Size = 0;
        entry->DataOffset = _stageNext;
        entry->Staged = true;
        error = AppendTo(ref device, entry, data);
        if (error != FsError.None)
        {
            // A device error half-way: the file is as it was (a new one is gone again).
            if (position >= 0)
            {
                *entry = before;
            }
            else
            {
                entry->Live = false;
            }

            return error;
        }

        _dirty = true;
        return FsError.None;
    }

    /// <summary>Adds <paramref name="data"/> at the end of an existing regular file: how a file larger than any
    /// buffer is written, piece by piece.</summary>
    public FsError Append<TDevice>(ref TDevice device, ReadOnlySpan<byte> name, ReadOnlySpan<byte> data)
        where TDevice : struct, IBlockDevice
    {
        FsError error = CheckWritable();
        if (error != FsError.None)
        {
            return error;
        }

        int position = Find(name);
        if (position < 0)
        {
            return FsError.NotFound;
        }

        FileEntry* entry = _index.At(position);
        if (entry->Kind != EntryKind.Regular)
        {
            return FsError.NotAFile;
        }

        return AppendTo(ref device, entry, data);
    }

    /// <summary>Creates an empty regular file, or a directory (its name gets a final '/', as GNU tar writes it).</summary>
    public FsError Create(ReadOnlySpan<byte> name, EntryKind kind)
    {
        FsError error = CheckWritable();
        if (error != FsError.None)
        {
            return error;
        }

        if (kind == EntryKind.Other)
        {
            return FsError.NotAFile;
        }

        bool slash = name.Length > 1 && name[name.Length - 1] == (byte)'/';
        if (slash && kind == EntryKind.Regular)
        {
            return FsError.BadName;
        }

        ReadOnlySpan<byte> bare = slash ? name.Slice(0, name.Length - 1) : name;
        error = TarNames.Validate(bare);
        if (error != FsError.None)
        {
            return error;
        }

        Span<byte> full = stackalloc byte[TarNames.MaxLength + 1];
        bare.CopyTo(full);
        int length = bare.Length;
        if (kind == EntryKind.Directory)
        {
            full[length++] = (byte)'/';
            if (length > TarNames.MaxLength || !TarNames.TrySplit(full.Slice(0, length), out _))
            {
                return FsError.NameTooLong;
            }
        }

        if (Find(bare) >= 0)
        {
            return FsError.AlreadyExists;
        }

        error = AddEntry(full.Slice(0, length), kind, out FileEntry* entry);
        if (error == FsError.None)
        {
            entry->DataOffset = _stageNext;
            _dirty = true;
        }

        return error;
    }

    /// <summary>Deletes a file, or an empty directory.</summary>
    public FsError Delete(ReadOnlySpan<byte> name)
    {
        FsError error = CheckWritable();
        if (error != FsError.None)
        {
            return error;
        }

        int position = Find(name);
        if (position < 0)
        {
            return FsError.NotFound;
        }

        FileEntry* entry = _index.At(position);
        if (entry->Kind == EntryKind.Directory)
        {
            ReadOnlySpan<byte> directory = new ReadOnlySpan<byte>(entry->Name, entry->NameLength);
            for (int i = 0; i < _index.Count; i++)
            {
                FileEntry* other = _index.At(i);
                if (other->Live && i != position && other->NameLength > directory.Length
                    && new ReadOnlySpan<byte>(other->Name, other->NameLength).StartsWith(directory))
                {
                    return FsError.DirectoryNotEmpty;
                }
            }
        }

        entry->Live = false;
        _dirty = true;
        return FsError.None;
    }

    FsError AddEntry(ReadOnlySpan<byte> name, EntryKind kind, out FileEntry* entry)
    {
        entry = _index.Add();
        if (entry == null)
        {
            return FsError.OutOfMemory;
        }

        entry->Kind = kind;
        entry->Live = true;
        entry->Staged = true;
        entry->Type = kind == EntryKind.Directory ? TarHeader.TypeDirectory : TarHeader.TypeRegular;
        entry->HasDataBlocks = kind == EntryKind.Regular;
        entry->NameLength = (ushort)name.Length;
        name.CopyTo(new Span<byte>(entry->Name, TarNames.MaxLength));
        return FsError.None;
    }

    /// <summary>Appends in the staging area. When the file's bytes are not the last thing staged (or are still the
    /// committed copy) they are first copied to the end of the staging area, so a file's bytes stay contiguous.</summary>
    FsError AppendTo<TDevice>(ref TDevice device, FileEntry* entry, ReadOnlySpan<byte> data)
        where TDevice : struct, IBlockDevice
    {
        if (data.IsEmpty)
        {
            return FsError.None;
        }

        ulong newSize = entry->Size + (ulong)data.Length;
        if (newSize > TarHeader.MaxFileSize)
        {
            return FsError.FileTooLarge;
        }

        bool atFrontier = entry->Staged && entry->DataOffset + FileEntry.RoundUp(entry->Size) == _stageNext;
        ulong start = atFrontier ? entry->DataOffset : _stageNext;
        if (start > UsableEnd || FileEntry.RoundUp(newSize) > UsableEnd - start)
        {
            return FsError.DiskFull;
        }

        if (!atFrontier)
        {
            // Copy the current bytes (whole sectors) to the frontier first.
            ulong copied = 0;
            ulong whole = FileEntry.RoundUp(entry->Size);
            while (copied < whole)
            {
                int piece = whole - copied < TransferBytes ? (int)(whole - copied) : TransferBytes;
                Span<byte> chunk = Buffer.Slice(0, piece);
                BlockError failure = device.Read((entry->DataOffset + copied) / SectorSize, chunk);
                if (failure == BlockError.None)
                {
                    failure = device.Write((start + copied) / SectorSize, chunk);
                }

                if (failure != BlockError.None)
                {
                    return DeviceFailed(failure);
                }

                copied += (ulong)piece;
            }

            entry->DataOffset = start;
            entry->Staged = true;
        }

        int done = 0;
        ulong at = start + entry->Size;
        while (done < data.Length)
        {
            int piece = data.Length - done < TransferBytes ? data.Length - done : TransferBytes;
            BlockError failure = BlockIo.WriteBytes(ref device, at + (ulong)done, data.Slice(done, piece), Bounce);
            if (failure != BlockError.None)
            {
                return DeviceFailed(failure);
            }

            done += piece;
        }

        entry->Size = newSize;
        _stageNext = start + FileEntry.RoundUp(newSize);
        _dirty = true;
        return FsError.None;
    }

    readonly FsError CheckReadable()
    {
        if (!_mounted)
        {
            return FsError.NotMounted;
        }

        return _failed ? FsError.IoError : FsError.None;
    }

    readonly FsError CheckWritable()
    {
        FsError error = CheckReadable();
        if (error != FsError.None)
        {
            return error;
        }

        if (_readOnly)
        {
            return FsError.ReadOnly;
        }

        return _corrupt ? FsError.CorruptArchive : FsError.None;
    }

    FsError DeviceFailed(BlockError error)
    {
        _lastDeviceError = error;
        return error == BlockError.ReadOnly ? FsError.ReadOnly : FsError.IoError;
    }
}
