namespace Kernel.FileSystem;

using System;
using Kernel.Drivers.Block;
using Kernel.Drivers.Virtio;

/// <summary>Mounting: recovery first (TarFileSystem.Recovery.cs), then the archive is read header by header into
/// the index. Headers are read through a window of up to 128 sectors, so that an archive of small files costs one
/// request per 64 KiB and a large file's data is skipped without being read.</summary>
public unsafe partial struct TarFileSystem
{
    /// <summary>Mounts the archive on <paramref name="device"/>. <paramref name="allocate"/> gives zeroed,
    /// page-aligned memory the device can reach (the page allocator), or null. Returns
    /// <see cref="FsError.None"/> when <paramref name="fs"/> can be used (read-only for a corrupt archive or a
    /// read-only disk); <paramref name="report"/> says what was found either way.</summary>
    public static FsError Mount<TDevice>(ref TDevice device, delegate*<nuint, void*> allocate, out TarFileSystem fs, out MountReport report)
        where TDevice : struct, IBlockDevice
    {
        fs = default;
        report = default;
        fs._capacitySectors = device.CapacitySectors;
        fs._readOnly = device.IsReadOnly;
        if (fs._capacitySectors == 0)
        {
            report.Outcome = MountOutcome.DiskTooSmall;
            return FsError.NotMounted;
        }

        fs._buffer = (byte*)allocate(TransferBytes);
        fs._scratch = (byte*)allocate(4096);
        fs._index = FileIndex.Create(allocate);
        if (fs._buffer == null || fs._scratch == null)
        {
            report.Outcome = MountOutcome.OutOfMemory;
            return FsError.OutOfMemory;
        }

        // Sector 0 first: a disk that is no archive at all (lorem.txt) is neither recovered nor written.
        Span<byte> first = fs.Bounce;
        BlockError failure = device.Read(0, first);
        if (failure != BlockError.None)
        {
            report.Outcome = MountOutcome.IoError;
            report.DeviceError = failure;
            return FsError.IoError;
        }

        if (!TarHeader.IsZeroBlock(first) && !TarHeader.HasUstarMagic(first))
        {
            report.Outcome = MountOutcome.NotUstar;
            return FsError.NotMounted;
        }

        if (fs._capacitySectors < 3)
        {
            report.Outcome = MountOutcome.DiskTooSmall;
            return FsError.NotMounted;
        }

        FsError error = fs.Recover(ref device, ref report);
        if (error != FsError.None)
        {
            return error;
        }

        error = fs.ReadArchive(ref device, ref report);
        if (error != FsError.None)
        {
            return error;
        }

        fs._stageNext = fs.ArchiveBytes;
        report.ArchiveBytes = fs._entriesEnd;
        report.Full = fs._stageNext >= fs.UsableEnd;
        fs._mounted = true;
        return FsError.None;
    }

    /// <summary>Walks the headers from offset 0 to the end-of-archive blocks (or the first bad header).</summary>
    FsError ReadArchive<TDevice>(ref TDevice device, ref MountReport report)
        where TDevice : struct, IBlockDevice
    {
        _index.Clear();
        ulong windowStart = 0;
        int windowSectors = 0;
        ulong position = 0;
        ulong diskBytes = _capacitySectors * SectorSize;
        Span<byte> name = stackalloc byte[TarNames.MaxLength];
        while (true)
        {
            if (position + SectorSize > diskBytes)
            {
                // Entries up to the very end and no end-of-archive blocks: not an archive tar wrote whole.
                return Corrupt(ref report, HeaderProblem.EndOfDisk, position);
            }

            ulong sector = position / SectorSize;
            if (sector < windowStart || sector >= windowStart + (ulong)windowSectors)
            {
                ulong left = _capacitySectors - sector;
                windowSectors = left < TransferBytes / SectorSize ? (int)left : TransferBytes / SectorSize;
                windowStart = sector;
                BlockError failure = device.Read(sector, Buffer.Slice(0, windowSectors * SectorSize));
                if (failure != BlockError.None)
                {
                    report.Outcome = MountOutcome.IoError;
                    report.DeviceError = failure;
                    return FsError.IoError;
                }
            }

            ReadOnlySpan<byte> header = Buffer.Slice((int)(sector - windowStart) * SectorSize, SectorSize);
            if (TarHeader.IsZeroBlock(header))
            {
                _entriesEnd = position;
                // POSIX ends an archive with two zero blocks; a lone one (then data, or the end of the disk) is
                // what GNU tar warns about. The archive still ends here.
                if (sector + 1 < _capacitySectors)
                {
                    BlockError failure = device.Read(sector + 1, Bounce);
                    if (failure != BlockError.None)
                    {
                        report.Outcome = MountOutcome.IoError;
                        report.DeviceError = failure;
                        return FsError.IoError;
                    }

                    report.LoneZeroBlock = !TarHeader.IsZeroBlock(Bounce);
                }
                else
                {
                    report.LoneZeroBlock = true;
                }

                report.Outcome = MountOutcome.Mounted;
                return FsError.None;
            }

            HeaderProblem problem = TarHeader.Check(header, out ulong size);
            byte type = header[TarHeader.TypeOffset];
            bool hasData = TarHeader.HasData(type);
            ulong dataBytes = hasData ? FileEntry.RoundUp(size) : 0;
            if (problem == HeaderProblem.None && (size > TarHeader.MaxFileSize || dataBytes > diskBytes - position - SectorSize))
            {
                problem = HeaderProblem.DataPastEnd;
            }

            if (problem != HeaderProblem.None)
            {
                return Corrupt(ref report, problem, position);
            }

            int nameLength = TarNames.Join(header, name);
            FileEntry* entry = _index.Add();
            if (entry == null)
            {
                report.Outcome = MountOutcome.OutOfMemory;
                return FsError.OutOfMemory;
            }

            entry->Kind = type is TarHeader.TypeRegular or TarHeader.TypeRegularOld ? EntryKind.Regular
                : type == TarHeader.TypeDirectory ? EntryKind.Directory : EntryKind.Other;
            entry->Live = true;
            entry->HasHeader = true;
            entry->Type = type;
            entry->HasDataBlocks = hasData;
            entry->Size = size;
            entry->HeaderOffset = position;
            entry->DataOffset = position + SectorSize;
            entry->NameLength = (ushort)nameLength;
            name.Slice(0, nameLength).CopyTo(new Span<byte>(entry->Name, TarNames.MaxLength));
            if (entry->Kind == EntryKind.Regular)
            {
                report.Files++;
                report.Bytes += size;
            }
            else if (entry->Kind == EntryKind.Directory)
            {
                report.Directories++;
            }
            else
            {
                report.Others++;
            }

            position += SectorSize + dataBytes;
        }
    }

    /// <summary>A header not to be trusted: what precedes it stays readable, nothing may be written (a flush would
    /// rewrite the archive from what the index holds and lose whatever follows the bad header).</summary>
    FsError Corrupt(ref MountReport report, HeaderProblem problem, ulong offset)
    {
        _entriesEnd = offset;
        _corrupt = true;
        report.Outcome = MountOutcome.Corrupt;
        report.Problem = problem;
        report.ProblemOffset = offset;
        return FsError.None;
    }
}
