namespace Kernel.FileSystem;

using System;

/// <summary>
/// Names in a ustar header: the 100-byte <c>name</c> field and the 155-byte <c>prefix</c> field; the full name is
/// <c>prefix + "/" + name</c> when the prefix is not empty. Each field ends at its first NUL or fills its whole width
/// (POSIX: a name of exactly 100 bytes has no NUL). Directories end with '/', as GNU tar writes them.
/// </summary>
public static class TarNames
{
    /// <summary>The longest full name: prefix, '/', name.</summary>
    public const int MaxLength = TarHeader.PrefixLength + 1 + TarHeader.NameLength;

    /// <summary>Copies the full name of <paramref name="header"/> into <paramref name="destination"/> (at least
    /// <see cref="MaxLength"/> bytes); returns its length.</summary>
    public static int Join(ReadOnlySpan<byte> header, Span<byte> destination)
    {
        ReadOnlySpan<byte> name = Field(header.Slice(TarHeader.NameOffset, TarHeader.NameLength));
        ReadOnlySpan<byte> prefix = Field(header.Slice(TarHeader.PrefixOffset, TarHeader.PrefixLength));
        int length = 0;
        if (!prefix.IsEmpty)
        {
            prefix.CopyTo(destination);
            length = prefix.Length;
            destination[length++] = (byte)'/';
        }

        name.CopyTo(destination.Slice(length));
        return length + name.Length;
    }

    /// <summary>A field up to its first NUL.</summary>
    public static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return end < 0 ? field : field.Slice(0, end);
    }

    /// <summary>Where <paramref name="name"/> splits into prefix and name: -1 when it fits the name field alone, else
    /// the index of the '/' between them. False (<see cref="FsError.NameTooLong"/>) when no '/' gives a prefix of at
    /// most 155 bytes and a non-empty name of at most 100.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> name, out int split)
    {
        split = -1;
        if (name.Length <= TarHeader.NameLength)
        {
            return true;
        }

        // The leftmost '/' that leaves at most 100 bytes after it keeps the prefix shortest.
        int first = name.Length - 1 - TarHeader.NameLength;
        for (int i = first < 1 ? 1 : first; i <= TarHeader.PrefixLength && i < name.Length - 1; i++)
        {
            if (name[i] == (byte)'/')
            {
                split = i;
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks a name given to create or write: not empty, no NUL or control character, not absolute, no
    /// empty component (<c>a//b</c>), and one that fits a ustar header.</summary>
    public static FsError Validate(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || name[0] == (byte)'/')
        {
            return FsError.BadName;
        }

        for (int i = 0; i < name.Length; i++)
        {
            byte b = name[i];
            if (b < 0x20 || b == 0x7F || (b == (byte)'/' && i + 1 < name.Length && name[i + 1] == (byte)'/'))
            {
                return FsError.BadName;
            }
        }

        if (name.Length > MaxLength || !TrySplit(name, out _))
        {
            return FsError.NameTooLong;
        }

        return FsError.None;
    }

    /// <summary>Whether an entry called <paramref name="stored"/> answers to <paramref name="asked"/>: the same
    /// bytes, or a directory's name without its final '/'.</summary>
    public static bool Matches(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> asked)
    {
        if (stored.SequenceEqual(asked))
        {
            return true;
        }

        return stored.Length == asked.Length + 1 && stored[stored.Length - 1] == (byte)'/' && stored.StartsWith(asked);
    }
}
