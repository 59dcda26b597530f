namespace Kernel.FileSystem;

/// <summary>What an archive entry is to the file system: a regular file and a directory can be read, written,
/// created and deleted; any other ustar type (a link, a device, a FIFO, a pax header) is kept as it was found.</summary>
public enum EntryKind : byte
{
    Regular,
    Directory,
    Other,
}

/// <summary>
/// One entry of the in-memory index: the name and where the entry's bytes are on the disk. The data itself stays on
/// the disk: either in the committed archive (the header at <see cref="HeaderOffset"/>, the data right after it) or,
/// after a write and until the next flush, in the staging area past the archive (<see cref="Staged"/>).
/// </summary>
public unsafe struct FileEntry
{
    public EntryKind Kind;

    /// <summary>False once deleted; the next flush leaves it out and the index forgets it.</summary>
    public bool Live;

    /// <summary>The data at <see cref="DataOffset"/> is in the staging area (written since the last flush), or the
    /// entry is new: the flush writes a new header for it.</summary>
    public bool Staged;

    /// <summary>A committed header exists at <see cref="HeaderOffset"/> (the entry was in the archive at the last
    /// flush or at mount).</summary>
    public bool HasHeader;

    /// <summary>The header's type flag ('0', '5', ...).</summary>
    public byte Type;

    /// <summary>Data blocks follow the header (regular files and unknown types; not links or directories).</summary>
    public bool HasDataBlocks;

    public ushort NameLength;

    /// <summary>The size in bytes (the header's size field).</summary>
    public ulong Size;

    /// <summary>Byte offset on the disk of the first data byte (sector-aligned).</summary>
    public ulong DataOffset;

    /// <summary>Byte offset of the committed header.</summary>
    public ulong HeaderOffset;

    /// <summary>Where the flush being planned puts the header.</summary>
    public ulong NewHeaderOffset;

    public fixed byte Name[TarNames.MaxLength];

    /// <summary>The bytes the entry takes in the archive: its header and its data rounded up to whole blocks.</summary>
    public readonly ulong ArchiveBytes => TarHeader.Size + (HasDataBlocks ? RoundUp(Size) : 0);

    public static ulong RoundUp(ulong bytes) => (bytes + TarHeader.Size - 1) & ~(ulong)(TarHeader.Size - 1);
}
