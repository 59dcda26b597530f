namespace Kernel.FileSystem;

using System;

/// <summary>
/// The flush's commit record: the last sector of the disk. All zero when no flush is under way. While a flush
/// installs its log it says which runs of archive sectors the log holds, where the log is, and the CRC-32 of the
/// log's bytes; the record's own CRC-32 covers its first 508 bytes, so a record torn by a power cut reads as no
/// record. Little-endian:
/// <code>
///   0  "rvcfslog"          8  version (1)        12 run count
///  16  flush sequence     24  log start sector   32 log sectors
///  40  new archive end (bytes, EOF blocks included)  48 CRC-32 of the log
///  64  runs: target sector (8 bytes), sector count (8 bytes), at most 27
/// 508  CRC-32 of bytes 0..507
/// </code>
/// </summary>
public struct CommitRecord
{
    public const int MaxRuns = 27;
    const int RunsOffset = 64;
    const int CrcOffset = 508;
    const uint Version = 1;

    public ulong Sequence;
    public ulong LogStart;
    public ulong LogSectors;
    public ulong NewArchiveEnd;
    public uint LogCrc;
    public int RunCount;
    public RunList Runs;

    public static ReadOnlySpan<byte> Magic => "rvcfslog"u8;

    /// <summary>True when the sector holds no record at all (the clean state).</summary>
    public static bool IsEmpty(ReadOnlySpan<byte> sector)
    {
        for (int i = 0; i < TarHeader.Size; i++)
        {
            if (sector[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    public readonly void Encode(Span<byte> sector)
    {
        sector.Slice(0, TarHeader.Size).Clear();
        Magic.CopyTo(sector);
        Put32(sector, 8, Version);
        Put32(sector, 12, (uint)RunCount);
        Put64(sector, 16, Sequence);
        Put64(sector, 24, LogStart);
        Put64(sector, 32, LogSectors);
        Put64(sector, 40, NewArchiveEnd);
        Put32(sector, 48, LogCrc);
        for (int i = 0; i < RunCount; i++)
        {
            Put64(sector, RunsOffset + 16 * i, Runs.Target(i));
            Put64(sector, RunsOffset + 16 * i + 8, Runs.Count(i));
        }

        Put32(sector, CrcOffset, RunningCrc32.Compute(sector.Slice(0, CrcOffset)));
    }

    /// <summary>Reads a record; false when the magic, version, CRC or run count is wrong (a torn or foreign sector).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> sector, out CommitRecord record)
    {
        record = default;
        if (!sector.Slice(0, 8).SequenceEqual(Magic) || Get32(sector, 8) != Version
            || Get32(sector, CrcOffset) != RunningCrc32.Compute(sector.Slice(0, CrcOffset)))
        {
            return false;
        }

        uint runs = Get32(sector, 12);
        if (runs == 0 || runs > MaxRuns)
        {
            return false;
        }

        record.RunCount = (int)runs;
        record.Sequence = Get64(sector, 16);
        record.LogStart = Get64(sector, 24);
        record.LogSectors = Get64(sector, 32);
        record.NewArchiveEnd = Get64(sector, 40);
        record.LogCrc = Get32(sector, 48);
        for (int i = 0; i < record.RunCount; i++)
        {
            record.Runs.Set(i, Get64(sector, RunsOffset + 16 * i), Get64(sector, RunsOffset + 16 * i + 8));
        }

        return true;
    }

    /// <summary>Whether the runs and the log lie on a disk of <paramref name="capacitySectors"/> sectors, below its
    /// last sector (the record's own), add up to the log's length, and never overlap the log.</summary>
    public readonly bool IsConsistent(ulong capacitySectors)
    {
        ulong limit = capacitySectors - 1;
        if (LogStart > limit || LogSectors > limit - LogStart)
        {
            return false;
        }

        ulong total = 0;
        for (int i = 0; i < RunCount; i++)
        {
            ulong target = Runs.Target(i);
            ulong count = Runs.Count(i);
            if (count == 0 || target > LogStart || count > LogStart - target)
            {
                return false;
            }

            total += count;
        }

        return total == LogSectors;
    }

    static void Put32(Span<byte> s, int at, uint v)
    {
        for (int i = 0; i < 4; i++)
        {
            s[at + i] = (byte)(v >> (8 * i));
        }
    }

    static void Put64(Span<byte> s, int at, ulong v)
    {
        for (int i = 0; i < 8; i++)
        {
            s[at + i] = (byte)(v >> (8 * i));
        }
    }

    static uint Get32(ReadOnlySpan<byte> s, int at)
    {
        uint v = 0;
        for (int i = 3; i >= 0; i--)
        {
            v = (v << 8) | s[at + i];
        }

        return v;
    }

    static ulong Get64(ReadOnlySpan<byte> s, int at)
    {
        ulong v = 0;
        for (int i = 7; i >= 0; i--)
        {
            v = (v << 8) | s[at + i];
        }

        return v;
    }
}
