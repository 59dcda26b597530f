using System.Text;

namespace Kernel.FileSystem.Tests;

/// <summary>What the host's GNU tar makes of a disk image: <c>tar -tvf</c>'s listing and <c>tar -xf</c>'s files.</summary>
internal sealed record TarView(string Listing, string Errors, int ExitCode, SortedDictionary<string, byte[]> Files, SortedSet<string> Directories)
{
    /// <summary>True when both list the same entries and extract to the same bytes.</summary>
    public bool SameAs(TarView other) =>
        Listing == other.Listing && ExitCode == other.ExitCode && Files.Count == other.Files.Count
        && Files.All(f => other.Files.TryGetValue(f.Key, out var b) && b.AsSpan().SequenceEqual(f.Value))
        && Directories.SetEquals(other.Directories);

    public override string ToString() => $"exit {ExitCode}; {Errors}\n{Listing}";
}

/// <summary>The host's GNU tar, the reference: it makes the archives the tests mount and reads the ones the file
/// system writes. TZ=UTC and LC_ALL=C keep its listing the same from machine to machine.</summary>
internal static class HostTar
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private static readonly Dictionary<string, string> Environment = new() { ["TZ"] = "UTC", ["LC_ALL"] = "C" };

    public static string TempDirectory(string what)
    {
        string dir = Path.Combine(Path.GetTempPath(), "rvc-fs-tests", $"{what}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary><c>tar --format=ustar -cf - -C dir names...</c>.</summary>
    public static byte[] Create(string dir, params string[] names)
    {
        string output = Path.Combine(TempDirectory("made"), "archive.tar");
        var result = ProcessRunner.Run("tar", ["--format=ustar", "-cf", output, "-C", dir, .. names], Guard, Environment);
        Assert.True(result.ExitCode == 0, $"host tar -c failed: {result.Stderr}");
        return File.ReadAllBytes(output);
    }

    /// <summary>A folder of files (name → content; names ending in '/' are directories), archived by the host.</summary>
    public static byte[] CreateFrom(params (string Name, byte[]? Content)[] entries)
    {
        string dir = TempDirectory("src");
        foreach (var (name, content) in entries)
        {
            string path = Path.Combine(dir, name);
            if (name.EndsWith('/'))
            {
                Directory.CreateDirectory(path);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content ?? []);
        }

        return Create(dir, [.. entries.Select(e => e.Name.TrimEnd('/'))]);
    }

    /// <summary>Lists and extracts <paramref name="image"/> with the host's tar.</summary>
    public static TarView Read(byte[] image)
    {
        string dir = TempDirectory("read");
        string file = Path.Combine(dir, "disk.img");
        File.WriteAllBytes(file, image);
        var list = ProcessRunner.Run("tar", ["-tvf", file], Guard, Environment);
        string into = Path.Combine(dir, "x");
        Directory.CreateDirectory(into);
        var extract = ProcessRunner.Run("tar", ["-xf", file, "-C", into], Guard, Environment);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var dirs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFileSystemEntries(into, "*", SearchOption.AllDirectories))
        {
            string name = Path.GetRelativePath(into, path);
            if (Directory.Exists(path))
            {
                dirs.Add(name);
            }
            else
            {
                files[name] = File.ReadAllBytes(path);
            }
        }

        Directory.Delete(dir, recursive: true);
        return new TarView(Encoding.UTF8.GetString(list.Stdout), list.Stderr + extract.Stderr, list.ExitCode | extract.ExitCode, files, dirs);
    }
}
