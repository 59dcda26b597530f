namespace Kernel.FileSystem;

using System;
using Kernel.Drivers.Block;
using Kernel.Drivers.Virtio;

/// <summary>
/// The crash-safe flush (kernel/FileSystem/README.md). The new archive is laid out entry by entry, in index order
/// from offset 0; an entry whose header lands where its committed header already is, and whose bytes did not change,
/// is left alone. The others (written, created, moved) and the end-of-archive blocks form runs of sectors. Then:
/// <list type="number">
/// <item>the new content of every run is written to the log, in free space past everything the flush reads or
/// writes; FLUSH;</item>
/// <item>the commit record (runs, log place, CRC-32 of the log) is written to the last sector; FLUSH. This is the
/// commit point: before it the archive is untouched, after it recovery can finish the job;</item>
/// <item>each run is copied from the log to its place; FLUSH;</item>
/// <item>the record is zeroed; FLUSH.</item>
/// </list>
/// </summary>
public unsafe partial struct TarFileSystem
{
    /// <summary>Makes every change since the last flush part of the archive, all or nothing.</summary>
    public FsError Sync<TDevice>(ref TDevice device, out FlushReport report)
        where TDevice : struct, IBlockDevice
    {
        report = default;
        FsError error = CheckWritable();
        if (error != FsError.None)
        {
            return error;
        }

        if (!_dirty)
        {
            report.NothingToDo = true;
            report.ArchiveBytes = ArchiveBytes;
            return FsError.None;
        }

        // The plan: new header offsets, and the runs of sectors that change.
        CommitRecord record = default;
        ulong position = 0;
        for (int i = 0; i < _index.Count; i++)
        {
            FileEntry* entry = _index.At(i);
            if (!entry->Live)
            {
                continue;
            }

            entry->NewHeaderOffset = position;
            ulong bytes = entry->ArchiveBytes;
            if (entry->Staged || !entry->HasHeader || entry->HeaderOffset != position)
            {
                AddRun(ref record, position / SectorSize, bytes / SectorSize);
            }

            position += bytes;
        }

        ulong newEntriesEnd = position;
        ulong newEnd = newEntriesEnd + 2 * SectorSize;
        AddRun(ref record, newEntriesEnd / SectorSize, 2);

        // The log goes past the old archive, the new one and the staged data: everything the flush reads from or
        // installs to.
        ulong logStart = ArchiveBytes;
        logStart = newEnd > logStart ? newEnd : logStart;
        logStart = _stageNext > logStart ? _stageNext : logStart;
        record.LogStart = logStart / SectorSize;
        record.LogSectors = 0;
        for (int run = 0; run < record.RunCount; run++)
        {
            record.LogSectors += record.Runs.Count(run);
        }

        if (record.LogStart > _capacitySectors - 1 || record.LogSectors > _capacitySectors - 1 - record.LogStart)
        {
            return FsError.DiskFull;
        }

        record.Sequence = _flushes + 1;
        record.NewArchiveEnd = newEnd;

        // 1. The log, then FLUSH: it is durable before the record that vouches for it.
        LogWriter log = default;
        log.Next = record.LogStart;
        log.Crc = RunningCrc32.Start;
        BlockError failure = WriteLog(ref device, record, newEntriesEnd, ref log);
        if (failure == BlockError.None)
        {
            failure = device.Flush();
        }

        if (failure == BlockError.None && log.Next - record.LogStart != record.LogSectors)
        {
            throw new InvalidOperationException("fs: the log does not match the flush's plan");
        }

        if (failure != BlockError.None)
        {
            // Nothing of the archive was touched: the flush simply did not happen.
            return DeviceFailed(failure);
        }

        record.LogCrc = RunningCrc32.Finish(log.Crc);

        // 2. The commit point.
        record.Encode(RecordScratch);
        failure = device.Write(_capacitySectors - 1, RecordScratch);
        if (failure == BlockError.None)
        {
            failure = device.Flush();
        }

        // 3. Install, FLUSH; 4. clear the record, FLUSH.
        if (failure == BlockError.None)
        {
            failure = Install(ref device, record);
        }

        if (failure == BlockError.None)
        {
            failure = WriteEmptyRecord(ref device);
        }

        if (failure != BlockError.None)
        {
            // Past the commit point the disk's state is the next mount's to settle (recovery installs the log if
            // the record made it): nothing more is written until then.
            _failed = true;
            return DeviceFailed(failure);
        }

        // The index now describes the new archive.
        for (int i = 0; i < _index.Count; i++)
        {
            FileEntry* entry = _index.At(i);
            if (entry->Live)
            {
                entry->HeaderOffset = entry->NewHeaderOffset;
                entry->DataOffset = entry->NewHeaderOffset + SectorSize;
                entry->HasHeader = true;
                entry->Staged = false;
            }
        }

        _index.Compact();
        _entriesEnd = newEntriesEnd;
        _stageNext = ArchiveBytes;
        _flushes++;
        _dirty = false;
        report.Sequence = record.Sequence;
        report.Sectors = record.LogSectors;
        report.Runs = record.RunCount;
        report.ArchiveBytes = newEnd;
        return FsError.None;
    }

    /// <summary>Adds sectors [start, start + count) to the runs, after the last one: merged with it when adjacent;
    /// when the record is full, the last run grows to cover them (the sectors in between are logged too, with the
    /// content they already have).</summary>
    static void AddRun(ref CommitRecord record, ulong start, ulong count)
    {
        int last = record.RunCount - 1;
        if (last >= 0 && (record.Runs.Target(last) + record.Runs.Count(last) == start || record.RunCount == CommitRecord.MaxRuns))
        {
            record.Runs.Set(last, record.Runs.Target(last), start + count - record.Runs.Target(last));
            return;
        }

        record.Runs.Set(record.RunCount, start, count);
        record.RunCount++;
    }

    /// <summary>Writes the new content of every run to the log, in run order: entry by entry (a new header, or the
    /// committed one copied; the data copied from where it is now), then the end-of-archive blocks.</summary>
    BlockError WriteLog<TDevice>(ref TDevice device, in CommitRecord record, ulong newEntriesEnd, ref LogWriter log)
        where TDevice : struct, IBlockDevice
    {
        int entry = 0;
        for (int run = 0; run < record.RunCount; run++)
        {
            ulong start = record.Runs.Target(run) * SectorSize;
            ulong end = start + record.Runs.Count(run) * SectorSize;
            for (; entry < _index.Count; entry++)
            {
                FileEntry* e = _index.At(entry);
                if (!e->Live || e->NewHeaderOffset < start)
                {
                    continue;
                }

                if (e->NewHeaderOffset >= end)
                {
                    break;
                }

                BlockError failure = LogEntry(ref device, e, ref log);
                if (failure != BlockError.None)
                {
                    return failure;
                }
            }

            if (newEntriesEnd >= start && newEntriesEnd < end)
            {
                for (int i = 0; i < 2; i++)
                {
                    Buffer.Slice(log.Fill, SectorSize).Clear();
                    log.Fill += SectorSize;
                    BlockError failure = LogSpill(ref device, ref log);
                    if (failure != BlockError.None)
                    {
                        return failure;
                    }
                }
            }
        }

        return LogDrain(ref device, ref log);
    }

    BlockError LogEntry<TDevice>(ref TDevice device, FileEntry* entry, ref LogWriter log)
        where TDevice : struct, IBlockDevice
    {
        Span<byte> header = Buffer.Slice(log.Fill, SectorSize);
        if (entry->HasHeader)
        {
            // The committed header: kept byte for byte (mode, owner, mtime, names), the size updated if rewritten.
            BlockError failure = device.Read(entry->HeaderOffset / SectorSize, header);
            if (failure != BlockError.None)
            {
                return failure;
            }

            if (entry->Staged)
            {
                TarHeader.SetSize(header, entry->Size);
            }
        }
        else
        {
            TarHeader.Build(header, new ReadOnlySpan<byte>(entry->Name, entry->NameLength), entry->Kind == EntryKind.Directory, entry->Size);
        }

        log.Fill += SectorSize;
        BlockError spilled = LogSpill(ref device, ref log);
        if (spilled != BlockError.None || !entry->HasDataBlocks)
        {
            return spilled;
        }

        ulong whole = FileEntry.RoundUp(entry->Size);
        ulong copied = 0;
        while (copied < whole)
        {
            ulong room = (ulong)(TransferBytes - log.Fill);
            int piece = whole - copied < room ? (int)(whole - copied) : (int)room;
            Span<byte> chunk = Buffer.Slice(log.Fill, piece);
            BlockError failure = device.Read((entry->DataOffset + copied) / SectorSize, chunk);
            if (failure != BlockError.None)
            {
                return failure;
            }

            copied += (ulong)piece;
            if (copied == whole && whole != entry->Size)
            {
                // Zero padding after the last byte, as tar writes it, whatever the staged sector held there.
                int tail = (int)(whole - entry->Size);
                chunk.Slice(piece - tail, tail).Clear();
            }

            log.Fill += piece;
            failure = LogSpill(ref device, ref log);
            if (failure != BlockError.None)
            {
                return failure;
            }
        }

        return BlockError.None;
    }

    /// <summary>Writes the buffer to the log when it is full.</summary>
    BlockError LogSpill<TDevice>(ref TDevice device, ref LogWriter log)
        where TDevice : struct, IBlockDevice => log.Fill == TransferBytes ? LogDrain(ref device, ref log) : BlockError.None;

    BlockError LogDrain<TDevice>(ref TDevice device, ref LogWriter log)
        where TDevice : struct, IBlockDevice
    {
        if (log.Fill == 0)
        {
            return BlockError.None;
        }

        Span<byte> chunk = Buffer.Slice(0, log.Fill);
        log.Crc = RunningCrc32.Update(log.Crc, chunk);
        BlockError failure = device.Write(log.Next, chunk);
        log.Next += (ulong)(log.Fill / SectorSize);
        log.Fill = 0;
        return failure;
    }

    /// <summary>Where the log is being written: the next sector and the bytes waiting in the transfer buffer.</summary>
    struct LogWriter
    {
        public ulong Next;
        public int Fill;
        public uint Crc;
    }
}
