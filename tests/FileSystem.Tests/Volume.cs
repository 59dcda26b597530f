using System.Text;

namespace Kernel.FileSystem.Tests;

/// <summary>A mounted <see cref="TarFileSystem"/> on a <see cref="MemoryDisk"/>, with the calls in the shapes the
/// tests use them.</summary>
internal sealed unsafe class Volume
{
    public MemoryDisk Disk;
    public TarFileSystem Fs;
    public MountReport Report;
    public FsError MountError;

    public Volume(MemoryDisk disk)
    {
        Disk = disk;
        MountError = TarFileSystem.Mount(ref Disk, HostMemory.Allocator, out Fs, out Report);
    }

    public static Volume Mounted(MemoryDisk disk)
    {
        var volume = new Volume(disk);
        Assert.Equal(FsError.None, volume.MountError);
        Assert.Equal(MountOutcome.Mounted, volume.Report.Outcome);
        return volume;
    }

    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    public FsError Write(string name, byte[] data) => Fs.WriteFile(ref Disk, Bytes(name), data);

    public FsError Append(string name, byte[] data) => Fs.Append(ref Disk, Bytes(name), data);

    public FsError Create(string name, EntryKind kind = EntryKind.Regular) => Fs.Create(Bytes(name), kind);

    public FsError Delete(string name) => Fs.Delete(Bytes(name));

    public FsError Sync() => Fs.Sync(ref Disk, out _);

    public FlushReport SyncOk()
    {
        Assert.Equal(FsError.None, Fs.Sync(ref Disk, out FlushReport report));
        return report;
    }

    /// <summary>The whole file, read in pieces of <paramref name="piece"/> bytes.</summary>
    public byte[] ReadAll(string name, int piece = 100_000)
    {
        Assert.Equal(FsError.None, Fs.Stat(Bytes(name), out EntryKind kind, out ulong size));
        Assert.Equal(EntryKind.Regular, kind);
        byte[] result = new byte[size];
        byte[] buffer = new byte[piece];
        ulong offset = 0;
        while (offset < size)
        {
            Assert.Equal(FsError.None, Fs.ReadFile(ref Disk, Bytes(name), offset, buffer, out int read));
            Assert.True(read > 0);
            buffer.AsSpan(0, read).CopyTo(result.AsSpan((int)offset));
            offset += (ulong)read;
        }

        return result;
    }

    /// <summary>(name, kind, size) of every entry, in archive order.</summary>
    public List<(string Name, EntryKind Kind, ulong Size)> List()
    {
        var entries = new List<(string, EntryKind, ulong)>();
        byte[] name = new byte[TarNames.MaxLength];
        for (int p = Fs.NextEntry(0); p >= 0; p = Fs.NextEntry(p + 1))
        {
            Assert.Equal(FsError.None, Fs.GetEntry(p, name, out int length, out EntryKind kind, out ulong size));
            entries.Add((Encoding.Latin1.GetString(name, 0, length), kind, size));
        }

        return entries;
    }

    /// <summary>Deterministic content of <paramref name="size"/> bytes.</summary>
    public static byte[] Content(int seed, int size)
    {
        byte[] data = new byte[size];
        new Random(seed).NextBytes(data);
        return data;
    }
}
