namespace Kernel.FileSystem;

using Kernel.Drivers.Virtio;

/// <summary>What <see cref="TarFileSystem.Mount"/> found on the disk.</summary>
public enum MountOutcome
{
    /// <summary>A ustar archive (or an all-zero disk: an empty archive), read and writable.</summary>
    Mounted,

    /// <summary>Sector 0 is neither a ustar header nor zero: not an archive; nothing was written.</summary>
    NotUstar,

    /// <summary>A header failed its checks: the entries before it are mounted read-only.</summary>
    Corrupt,

    /// <summary>Fewer than three sectors: no room for the end-of-archive blocks and the commit record.</summary>
    DiskTooSmall,

    /// <summary>A committed flush waits in the log, but the disk is read-only: the archive may be half installed.</summary>
    NeedsRecoveryReadOnly,

    /// <summary>The device failed a request (<see cref="MountReport.DeviceError"/>).</summary>
    IoError,

    /// <summary>No memory for the transfer buffers or the index.</summary>
    OutOfMemory,
}

/// <summary>What the recovery at mount did with the commit record in the disk's last sector.</summary>
public enum RecoveryOutcome
{
    /// <summary>No record: the last flush, if any, finished.</summary>
    Clean,

    /// <summary>A committed flush was installed again from its log: the archive is as after that flush.</summary>
    Replayed,

    /// <summary>A record with our magic but a bad CRC (torn by a power cut while being written): cleared; the
    /// archive is as before that flush.</summary>
    DiscardedTornRecord,

    /// <summary>A valid record whose log does not match its CRC (the device lost flushed data): cleared.</summary>
    DiscardedBadLog,
}

public struct MountReport
{
    public MountOutcome Outcome;
    public RecoveryOutcome Recovery;
    public ulong RecoveredSequence;
    public ulong RecoveredSectors;
    public int RecoveredRuns;

    public int Files;
    public int Directories;
    public int Others;

    /// <summary>The sum of the regular files' sizes.</summary>
    public ulong Bytes;

    /// <summary>Where the archive's end-of-archive blocks start.</summary>
    public ulong ArchiveBytes;

    /// <summary>For <see cref="MountOutcome.Corrupt"/>: what is wrong and the header's byte offset.</summary>
    public HeaderProblem Problem;
    public ulong ProblemOffset;

    /// <summary>The archive reaches the last sector: no room for a flush's log, so nothing can be written.</summary>
    public bool Full;

    /// <summary>The archive ends with one zero block and no second (GNU tar warns "A lone zero block").</summary>
    public bool LoneZeroBlock;

    public BlockError DeviceError;
}

/// <summary>What one <see cref="TarFileSystem.Sync"/> wrote.</summary>
public struct FlushReport
{
    /// <summary>Nothing had changed since the last flush: nothing was written.</summary>
    public bool NothingToDo;

    /// <summary>The flush's number since mount (the commit record's sequence).</summary>
    public ulong Sequence;

    /// <summary>Sectors of the archive the flush rewrote (each written twice: log, then home).</summary>
    public ulong Sectors;

    public int Runs;

    /// <summary>The archive's size after the flush, end-of-archive blocks included.</summary>
    public ulong ArchiveBytes;
}
