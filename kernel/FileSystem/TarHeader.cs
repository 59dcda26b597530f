namespace Kernel.FileSystem;

using System;

/// <summary>
/// One 512-byte ustar header block (POSIX.1-2017, pax, "ustar Interchange Format"): the field offsets and sizes, the
/// checksum, the octal numbers, and the checks a header must pass before anything in it is trusted. Numbers are
/// octal ASCII digits, possibly after leading spaces, ended by a space or a NUL; the checksum is the sum of the
/// header's bytes with the checksum field counted as eight spaces.
/// </summary>
public static class TarHeader
{
    public const int Size = 512;

    public const int NameOffset = 0, NameLength = 100;
    public const int ModeOffset = 100, ModeLength = 8;
    public const int UidOffset = 108, GidOffset = 116, IdLength = 8;
    public const int SizeOffset = 124, SizeLength = 12;
    public const int MtimeOffset = 136, MtimeLength = 12;
    public const int ChecksumOffset = 148, ChecksumLength = 8;
    public const int TypeOffset = 156;
    public const int LinkNameOffset = 157;
    public const int MagicOffset = 257, VersionOffset = 263;
    public const int DevMajorOffset = 329, DevMinorOffset = 337, DevLength = 8;
    public const int PrefixOffset = 345, PrefixLength = 155;

    /// <summary>Type flags: a regular file ('0', or NUL in old archives), a directory ('5').</summary>
    public const byte TypeRegular = (byte)'0', TypeRegularOld = 0, TypeDirectory = (byte)'5';

    /// <summary>11 octal digits: ustar's largest size is 8 GiB - 1.</summary>
    public const ulong MaxFileSize = (1UL << 33) - 1;

    /// <summary>True when all 512 bytes are zero: one of the two blocks that end an archive.</summary>
    public static bool IsZeroBlock(ReadOnlySpan<byte> header)
    {
        for (int i = 0; i < Size; i++)
        {
            if (header[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"ustar\0" then "00": POSIX ustar. GNU tar's own format ("ustar  \0") is not ustar.</summary>
    public static bool HasUstarMagic(ReadOnlySpan<byte> header) =>
        header.Slice(MagicOffset, 6).SequenceEqual("ustar\0"u8) && header[VersionOffset] == (byte)'0' && header[VersionOffset + 1] == (byte)'0';

    /// <summary>The unsigned sum POSIX defines (the checksum field as spaces).</summary>
    public static uint ComputeChecksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i < Size; i++)
        {
            sum += i >= ChecksumOffset && i < ChecksumOffset + ChecksumLength ? (uint)' ' : header[i];
        }

        return sum;
    }

    /// <summary>The same sum with the bytes taken as signed: what some historic tars wrote (GNU tar accepts both).</summary>
    static int ComputeSignedChecksum(ReadOnlySpan<byte> header)
    {
        int sum = 0;
        for (int i = 0; i < Size; i++)
        {
            sum += i >= ChecksumOffset && i < ChecksumOffset + ChecksumLength ? ' ' : (sbyte)header[i];
        }

        return sum;
    }

    /// <summary>Parses an octal field: optional leading spaces, at least one digit, then only spaces and NULs.</summary>
    public static bool TryParseOctal(ReadOnlySpan<byte> field, out ulong value)
    {
        value = 0;
        int i = 0;
        while (i < field.Length && field[i] == (byte)' ')
        {
            i++;
        }

        int digits = 0;
        while (i < field.Length && field[i] >= (byte)'0' && field[i] <= (byte)'7')
        {
            if (value >> 60 != 0)
            {
                return false;
            }

            value = value * 8 + (ulong)(field[i] - '0');
            digits++;
            i++;
        }

        if (digits == 0)
        {
            return false;
        }

        for (; i < field.Length; i++)
        {
            if (field[i] != (byte)' ' && field[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <paramref name="value"/> as <c>field.Length - 1</c> octal digits (zero-padded) and a NUL, as GNU
    /// tar does. False when it does not fit.</summary>
    public static bool TryWriteOctal(Span<byte> field, ulong value)
    {
        int digits = field.Length - 1;
        field[digits] = 0;
        for (int i = digits - 1; i >= 0; i--)
        {
            field[i] = (byte)('0' + (int)(value & 7));
            value >>= 3;
        }

        return value == 0;
    }

    /// <summary>Checks a non-zero block: the checksum, the magic, the size field, a name. Returns the problem, or
    /// <see cref="HeaderProblem.None"/> with the data size.</summary>
    public static HeaderProblem Check(ReadOnlySpan<byte> header, out ulong size)
    {
        size = 0;
        if (!TryParseOctal(header.Slice(ChecksumOffset, ChecksumLength), out ulong stored))
        {
            return HeaderProblem.BadChecksumField;
        }

        if (stored != ComputeChecksum(header) && (long)stored != ComputeSignedChecksum(header))
        {
            return HeaderProblem.ChecksumMismatch;
        }

        if (!HasUstarMagic(header))
        {
            return HeaderProblem.NotUstar;
        }

        if (!TryParseOctal(header.Slice(SizeOffset, SizeLength), out size))
        {
            return HeaderProblem.BadSizeField;
        }

        if (header[NameOffset] == 0)
        {
            return HeaderProblem.EmptyName;
        }

        return HeaderProblem.None;
    }

    /// <summary>Whether the entry's size counts as data blocks that follow the header (POSIX: links, character and
    /// block devices and FIFOs have none, whatever the size field says).</summary>
    public static bool HasData(byte type) => type is not ((byte)'1' or (byte)'2' or (byte)'3' or (byte)'4' or (byte)'5' or (byte)'6');

    /// <summary>A fresh header for a regular file or a directory called <paramref name="name"/> (already checked by
    /// <see cref="TarNames.TrySplit"/>): mode 0644 or 0755, owner 0/0, mtime 0, <c>ustar\0</c> <c>00</c>.</summary>
    public static void Build(Span<byte> header, ReadOnlySpan<byte> name, bool directory, ulong size)
    {
        header.Slice(0, Size).Clear();
        TarNames.TrySplit(name, out int split);
        if (split < 0)
        {
            name.CopyTo(header.Slice(NameOffset, NameLength));
        }
        else
        {
            name.Slice(0, split).CopyTo(header.Slice(PrefixOffset, PrefixLength));
            name.Slice(split + 1).CopyTo(header.Slice(NameOffset, NameLength));
        }

        TryWriteOctal(header.Slice(ModeOffset, ModeLength), directory ? 0x1EDu : 0x1A4u);
        TryWriteOctal(header.Slice(UidOffset, IdLength), 0);
        TryWriteOctal(header.Slice(GidOffset, IdLength), 0);
        TryWriteOctal(header.Slice(MtimeOffset, MtimeLength), 0);
        TryWriteOctal(header.Slice(DevMajorOffset, DevLength), 0);
        TryWriteOctal(header.Slice(DevMinorOffset, DevLength), 0);
        header[TypeOffset] = directory ? TypeDirectory : TypeRegular;
        "ustar\0"u8.CopyTo(header.Slice(MagicOffset));
        header[VersionOffset] = (byte)'0';
        header[VersionOffset + 1] = (byte)'0';
        SetSize(header, size);
    }

    /// <summary>Writes a new size and the checksum that goes with it (the rest of the header is kept as it is).</summary>
    public static void SetSize(Span<byte> header, ulong size)
    {
        TryWriteOctal(header.Slice(SizeOffset, SizeLength), size);
        SealChecksum(header);
    }

    /// <summary>The checksum field as GNU tar writes it: six octal digits, a NUL, a space.</summary>
    public static void SealChecksum(Span<byte> header)
    {
        uint sum = ComputeChecksum(header);
        Span<byte> field = header.Slice(ChecksumOffset, ChecksumLength);
        TryWriteOctal(field.Slice(0, 7), sum);
        field[7] = (byte)' ';
    }
}

/// <summary>Why a header block is not trusted.</summary>
public enum HeaderProblem
{
    None,
    BadChecksumField,
    ChecksumMismatch,
    NotUstar,
    BadSizeField,
    EmptyName,
    DataPastEnd,
    EndOfDisk,
}

public static class HeaderProblems
{
    public static string Describe(HeaderProblem problem) => problem switch
    {
        HeaderProblem.BadChecksumField => "checksum field is not an octal number",
        HeaderProblem.ChecksumMismatch => "header checksum does not match",
        HeaderProblem.NotUstar => "no ustar magic (\"ustar\\0\" \"00\")",
        HeaderProblem.BadSizeField => "size field is not an octal number",
        HeaderProblem.EmptyName => "empty name",
        HeaderProblem.DataPastEnd => "file data runs past the end of the disk",
        HeaderProblem.EndOfDisk => "no end-of-archive blocks before the end of the disk",
        _ => "no problem",
    };
}
