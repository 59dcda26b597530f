namespace Rvc.Kernel.Tests;

/// <summary>Where the repository and the tests' scratch folders are.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the first folder above the test binaries with <c>launcher/Launcher.csproj</c> and <c>lorem.txt</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The tutorial's disk: its text, a newline, then zeros up to 1024 bytes.</summary>
    public static string Lorem => Path.Combine(Root, "lorem.txt");

    /// <summary>A scratch folder under the test output, e.g. <c>…/Kernel.Tests/release/test-work/disks</c>.</summary>
    public static string Work(string kind)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "test-work", kind);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A new, empty folder that no other test (nor another test process) uses.</summary>
    public static string UniqueDirectory(string kind, string stem)
    {
        string dir = Path.Combine(Work(kind), $"{stem}.{Guid.NewGuid():N}"[..(stem.Length + 13)]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "launcher", "Launcher.csproj"))
                && File.Exists(Path.Combine(dir.FullName, "lorem.txt")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} contains launcher/Launcher.csproj and lorem.txt");
    }
}
