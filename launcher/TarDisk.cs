using System.Formats.Tar;
using System.Globalization;

namespace Rvc.Launcher;

/// <summary>
/// The disk of <c>--disk-from-dir DIR</c>: a POSIX ustar archive of DIR's files and folders (System.Formats.Tar,
/// <see cref="TarEntryFormat.Ustar"/>; names relative to DIR, in ordinal order), padded with zeros (sparse) to
/// <c>--disk-size</c> so that the kernel's file system has room to write and to flush.
/// <c>artifacts/run/tar.PID.img</c> for the boot, kept afterwards as <c>artifacts/run/disk.tar</c>, which the host's
/// <c>tar -tvf</c> / <c>tar -xf</c> read.
/// </summary>
public sealed class TarDisk : IDisposable
{
    /// <summary>The default size: 64 MiB, or twice the archive and 16 MiB more when that is larger (a flush logs what
    /// it rewrites before installing it).</summary>
    public const long DefaultSize = 64L << 20;

    private readonly RepoLayout _repo;

    public string Path { get; }

    private TarDisk(RepoLayout repo, string path)
    {
        _repo = repo;
        Path = path;
    }

    public static string LastDisk(RepoLayout repo) => System.IO.Path.Combine(repo.RunDirectory, "disk.tar");

    public static TarDisk Create(RepoLayout repo, string directory, long? size)
    {
        Directory.CreateDirectory(repo.RunDirectory);
        int n = Interlocked.Increment(ref _count);
        var path = System.IO.Path.Combine(repo.RunDirectory, $"tar.{Environment.ProcessId}{(n > 1 ? $"-{n}" : "")}.img");
        Write(directory, path, size);
        return new TarDisk(repo, path);
    }

    private static int _count;

    /// <summary>Archives <paramref name="directory"/> into <paramref name="path"/> and pads it.</summary>
    public static void Write(string directory, string path, long? size)
    {
        if (!Directory.Exists(directory))
            throw new LauncherException($"--disk-from-dir {directory}: no such folder");
        var root = System.IO.Path.GetFullPath(directory);
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite))
        {
            using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
            {
                var entries = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
                    .Select(p => System.IO.Path.GetRelativePath(root, p).Replace('\\', '/'))
                    .Order(StringComparer.Ordinal);
                foreach (var name in entries)
                {
                    var full = System.IO.Path.Combine(root, name);
                    try
                    {
                        writer.WriteEntry(full, Directory.Exists(full) ? name + "/" : name);
                    }
                    catch (ArgumentException e)
                    {
                        throw new LauncherException($"--disk-from-dir: {name}: {e.Message} (ustar: names up to 100 bytes, or a 155-byte prefix, '/', 100 bytes; files below 8 GiB)");
                    }
                }
            }

            long archive = stream.Length;
            long wanted = size ?? Math.Max(DefaultSize, 2 * archive + (16L << 20));
            // The end-of-archive blocks are in the archive; the kernel needs a last sector for its commit record.
            if (wanted < archive + 512)
                throw new LauncherException($"--disk-size {wanted}: the archive of {directory} takes {archive} bytes; the disk needs at least {archive + 512} (and room to write)");
            if (wanted % 512 != 0)
                throw new LauncherException($"--disk-size {wanted}: not a multiple of 512 bytes");
            stream.SetLength(wanted);
        }
    }

    /// <summary><c>--disk-size</c>: bytes, or with a K, M or G suffix (powers of 1024).</summary>
    public static long ParseSize(string text)
    {
        long unit = 1;
        string digits = text;
        if (text.Length > 1 && char.ToUpperInvariant(text[^1]) is 'K' or 'M' or 'G')
        {
            unit = char.ToUpperInvariant(text[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            digits = text[..^1];
        }
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value <= 0 || value > (1L << 42) / unit)
            throw new LauncherException($"--disk-size expects a size in bytes (or with K, M, G), not '{text}'");
        return value * unit;
    }

    /// <summary>Keeps the disk as <see cref="LastDisk"/>.</summary>
    public void Dispose()
    {
        try
        {
            File.Move(Path, LastDisk(_repo), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(Path); } catch (Exception f) when (f is IOException or UnauthorizedAccessException) { }
        }
    }
}
