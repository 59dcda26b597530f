namespace Kernel.FileSystem;

using System;
using Kernel.Drivers.Block;
using Kernel.Drivers.Virtio;

/// <summary>
/// Recovery at mount, before the archive is read: the commit record in the disk's last sector says whether a flush
/// was cut short after its commit point. If so its log (which the record's CRC vouches for) is installed again,
/// which is harmless when part or all of it was installed already: every run is written whole, from the log, to the
/// same place. Then the record is cleared. A record without our magic is somebody else's sector and left alone.
/// </summary>
public unsafe partial struct TarFileSystem
{
    FsError Recover<TDevice>(ref TDevice device, ref MountReport report)
        where TDevice : struct, IBlockDevice
    {
        Span<byte> sector = RecordScratch;
        ulong recordSector = _capacitySectors - 1;
        BlockError failure = device.Read(recordSector, sector);
        if (failure != BlockError.None)
        {
            report.Outcome = MountOutcome.IoError;
            report.DeviceError = failure;
            return FsError.IoError;
        }

        if (CommitRecord.IsEmpty(sector) || !sector.Slice(0, 8).SequenceEqual(CommitRecord.Magic))
        {
            report.Recovery = RecoveryOutcome.Clean;
            return FsError.None;
        }

        if (!CommitRecord.TryDecode(sector, out CommitRecord record) || !record.IsConsistent(_capacitySectors))
        {
            // Torn while being written: the commit point was never passed, the archive was never touched.
            report.Recovery = RecoveryOutcome.DiscardedTornRecord;
            return _readOnly ? FsError.None : ClearRecord(ref device, ref report);
        }

        if (_readOnly)
        {
            // A committed flush that cannot be installed: the archive's sectors may be half old, half new.
            report.Outcome = MountOutcome.NeedsRecoveryReadOnly;
            return FsError.ReadOnly;
        }

        // The log must be what the record says it is.
        uint crc = RunningCrc32.Start;
        ulong done = 0;
        while (done < record.LogSectors)
        {
            int count = Chunk(record.LogSectors - done);
            Span<byte> chunk = Buffer.Slice(0, count * SectorSize);
            failure = device.Read(record.LogStart + done, chunk);
            if (failure != BlockError.None)
            {
                report.Outcome = MountOutcome.IoError;
                report.DeviceError = failure;
                return FsError.IoError;
            }

            crc = RunningCrc32.Update(crc, chunk);
            done += (ulong)count;
        }

        if (RunningCrc32.Finish(crc) != record.LogCrc)
        {
            report.Recovery = RecoveryOutcome.DiscardedBadLog;
            return ClearRecord(ref device, ref report);
        }

        failure = Install(ref device, record);
        if (failure != BlockError.None)
        {
            report.Outcome = MountOutcome.IoError;
            report.DeviceError = failure;
            return FsError.IoError;
        }

        report.Recovery = RecoveryOutcome.Replayed;
        report.RecoveredSequence = record.Sequence;
        report.RecoveredSectors = record.LogSectors;
        report.RecoveredRuns = record.RunCount;
        return ClearRecord(ref device, ref report);
    }

    /// <summary>Copies every run from the log to its place, then FLUSH: the installed sectors are durable before the
    /// record that describes them is cleared.</summary>
    BlockError Install<TDevice>(ref TDevice device, in CommitRecord record)
        where TDevice : struct, IBlockDevice
    {
        ulong logSector = record.LogStart;
        for (int run = 0; run < record.RunCount; run++)
        {
            ulong target = record.Runs.Target(run);
            ulong sectors = record.Runs.Count(run);
            ulong done = 0;
            while (done < sectors)
            {
                int count = Chunk(sectors - done);
                Span<byte> chunk = Buffer.Slice(0, count * SectorSize);
                BlockError failure = device.Read(logSector + done, chunk);
                if (failure == BlockError.None)
                {
                    failure = device.Write(target + done, chunk);
                }

                if (failure != BlockError.None)
                {
                    return failure;
                }

                done += (ulong)count;
            }

            logSector += sectors;
        }

        return device.Flush();
    }

    /// <summary>Zeroes the commit record, then FLUSH.</summary>
    FsError ClearRecord<TDevice>(ref TDevice device, ref MountReport report)
        where TDevice : struct, IBlockDevice
    {
        BlockError failure = WriteEmptyRecord(ref device);
        if (failure != BlockError.None)
        {
            report.Outcome = MountOutcome.IoError;
            report.DeviceError = failure;
            return FsError.IoError;
        }

        return FsError.None;
    }

    BlockError WriteEmptyRecord<TDevice>(ref TDevice device)
        where TDevice : struct, IBlockDevice
    {
        Span<byte> sector = RecordScratch;
        sector.Clear();
        BlockError failure = device.Write(_capacitySectors - 1, sector);
        return failure != BlockError.None ? failure : device.Flush();
    }

    /// <summary>How many sectors of <paramref name="left"/> go in one request.</summary>
    static int Chunk(ulong left) => left < TransferBytes / SectorSize ? (int)left : TransferBytes / SectorSize;
}
