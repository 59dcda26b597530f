namespace Kernel.Fuzz;

/// <summary>The fuzzing folders of the repository: <c>fuzz/seeds/TARGET</c> (where campaigns start: real device trees
/// QEMU made, ustar headers GNU tar wrote) and <c>fuzz/findings/TARGET</c> (every input that once broke an invariant,
/// replayed by the tests forever after).</summary>
public static class FuzzFiles
{
    /// <summary>The <c>fuzz</c> folder: found upwards from <paramref name="start"/> (default: this assembly's folder,
    /// then the current directory).</summary>
    public static string Root(string? start = null)
    {
        string[] starts = start is null ? [AppContext.BaseDirectory, Environment.CurrentDirectory] : [start];
        foreach (string from in starts)
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "fuzz", "seeds")))
                {
                    return Path.Combine(dir.FullName, "fuzz");
                }
            }
        }

        throw new DirectoryNotFoundException($"no fuzz/seeds above {start ?? AppContext.BaseDirectory} or the current directory");
    }

    public static string Seeds(string target) => Path.Combine(Root(), "seeds", target);

    public static string Findings(string target) => Path.Combine(Root(), "findings", target);

    /// <summary>The files of <paramref name="folder"/>, sorted by name; none when it does not exist.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Load(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))]
            : [];

    /// <summary>The longest input a target's generator makes: a device tree is a few KiB, a tar header 512 bytes and a
    /// name, a driver program a few hundred steps.</summary>
    public static int MaxLength(string target) => target switch
    {
        "devicetree" => 8192,
        "tar" => 1024,
        _ => 1024,
    };
}
