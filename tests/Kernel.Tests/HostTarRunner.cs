using System.Text;

namespace Rvc.Kernel.Tests;

/// <summary>The host's GNU tar on a disk image: the reference the file-system boot tests compare with.</summary>
internal static class HostTarRunner
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);
    private static readonly Dictionary<string, string> Env = new() { ["TZ"] = "UTC", ["LC_ALL"] = "C" };

    /// <summary>A ustar archive of <paramref name="files"/> made by <c>tar --format=ustar</c>, padded with zeros to
    /// <paramref name="size"/> bytes (sparse).</summary>
    public static string MakeImage(string test, string arch, long size, params (string Name, byte[] Content)[] files)
    {
        string dir = RepoPaths.UniqueDirectory("disks", $"{test}-{arch}");
        string src = Path.Combine(dir, "src");
        foreach (var (name, content) in files)
        {
            string path = Path.Combine(src, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }

        string image = Path.Combine(dir, "disk.tar");
        if (files.Length == 0)
        {
            File.WriteAllBytes(image, []);
        }
        else
        {
            var result = ProcessRunner.Run("tar", ["--format=ustar", "-cf", image, "-C", src, .. files.Select(f => f.Name)], Guard, Env);
            Assert.True(result.ExitCode == 0, result.Stderr);
        }

        using (var stream = new FileStream(image, FileMode.Open))
        {
            stream.SetLength(size);
        }

        return image;
    }

    /// <summary><c>tar -tvf</c>'s listing and <c>tar -xf</c>'s files (relative name → bytes); exit statuses and
    /// standard error joined.</summary>
    public static (string Listing, string Errors, int ExitCode, SortedDictionary<string, byte[]> Files) Read(string image)
    {
        var list = ProcessRunner.Run("tar", ["-tvf", image], Guard, Env);
        string into = RepoPaths.UniqueDirectory("extract", "x");
        var extract = ProcessRunner.Run("tar", ["-xf", image, "-C", into], Guard, Env);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(into, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(into, path)] = File.ReadAllBytes(path);
        }

        Directory.Delete(into, recursive: true);
        return (Encoding.UTF8.GetString(list.Stdout), list.Stderr + extract.Stderr, list.ExitCode | extract.ExitCode, files);
    }

    /// <summary>The bytes of the shell's <c>fill NAME SIZE SEED</c>, as kernel/FileSystem/README.md defines them:
    /// xorshift64 (13, 7, 17) from SEED * 0x9E3779B97F4A7C15 + 1, 8 bytes a step, least significant first.</summary>
    public static byte[] FillPattern(int size, ulong seed)
    {
        byte[] data = new byte[size];
        ulong x = seed * 0x9E3779B97F4A7C15UL + 1;
        for (int i = 0; i < size; i += 8)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for (int b = 0; b < 8 && i + b < size; b++)
            {
                data[i + b] = (byte)(x >> (8 * b));
            }
        }

        return data;
    }
}
